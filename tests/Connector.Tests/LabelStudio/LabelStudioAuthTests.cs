using Elfs.Connector.Tests.LabelStudio.Fake;

namespace Elfs.Connector.Tests.LabelStudio;

public class LabelStudioAuthTests
{
    private static async Task<int> Sync(ILabelingTool tool)
    {
        var n = 0;
        await foreach (var _ in tool.ListItemsAsync(CancellationToken.None)) n++;
        return n;
    }

    [Fact]
    public async Task ALegacyKeyIsSentAsTokenAndNeverLogged()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(12);
        Assert.Equal(12, await Sync(h.Tool()));
        Assert.All(h.Fake.Server.Requests, r => Assert.Equal($"Token {h.Fake.LegacyToken}", r.Authorization));
        Assert.Equal(0, h.Fake.RefreshCount);
        Assert.DoesNotContain(h.Logs.Lines, l => l.Contains(h.Fake.LegacyToken));
    }

    [Fact]
    public async Task APersonalAccessTokenIsExchangedOnceAndTheAccessTokenSentAsBearer()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(25);
        Assert.Equal(25, await Sync(h.Tool(h.Fake.PersonalAccessToken)));
        Assert.Equal(1, h.Fake.RefreshCount);
        var refresh = Assert.Single(h.Fake.Server.Requests, r => r.Path == "/api/token/refresh/");
        Assert.Null(refresh.Authorization);
        Assert.All(h.Fake.Server.Requests.Where(r => r.Path != "/api/token/refresh/"), r =>
        {
            Assert.StartsWith("Bearer ey", r.Authorization);
            Assert.Equal(200, r.StatusCode);
        });
        Assert.Empty(h.ContractViolations());
        Assert.DoesNotContain(h.Logs.Lines, l => l.Contains(h.Fake.PersonalAccessToken));
    }

    [Fact]
    public async Task AShortLivedAccessTokenIsRenewedOncePerLifetimeNotBeforeEveryRequest()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(25);
        h.Fake.AccessLifetime = TimeSpan.FromSeconds(30); // shorter than the 60 s renewal margin
        Assert.Equal(25, await Sync(h.Tool(h.Fake.PersonalAccessToken)));
        Assert.Equal(1, h.Fake.RefreshCount);
        Assert.DoesNotContain(h.Fake.Server.Requests, r => r.StatusCode == 401);
    }

    [Fact]
    public async Task AServerClockBehindTheClientsDoesNotMakeEveryAccessTokenLookExpired()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(25);
        h.Fake.ClockOffset = TimeSpan.FromMinutes(-10); // its 5-minute tokens "expired" 5 minutes ago by the client's clock
        Assert.Equal(25, await Sync(h.Tool(h.Fake.PersonalAccessToken)));
        Assert.Equal(1, h.Fake.RefreshCount);
    }

    [Fact]
    public async Task AnAccessTokenIsRenewedOnceItsLifetimeIsOver()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(5);
        h.Fake.AccessLifetime = TimeSpan.FromSeconds(2);
        var tool = h.Tool(h.Fake.PersonalAccessToken);
        Assert.Equal(5, await Sync(tool));
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        Assert.Equal(5, await Sync(tool));
        Assert.Equal(2, h.Fake.RefreshCount);
        Assert.DoesNotContain(h.Fake.Server.Requests, r => r.StatusCode == 401);
    }

    [Fact]
    public async Task ARejectedAccessTokenIsRenewedOnceAndTheRequestRepeated()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(25);
        var tool = h.Tool(h.Fake.PersonalAccessToken);
        var n = 0;
        await foreach (var _ in tool.ListItemsAsync(CancellationToken.None))
            if (++n == 1) h.Fake.ExpireAccessTokens();
        Assert.Equal(25, n);
        Assert.Equal(2, h.Fake.RefreshCount);
        Assert.Single(h.Fake.Server.Requests, r => r.StatusCode == 401);
    }

    [Fact]
    public async Task AWrongLegacyTokenIsAClearErrorNamingTheSettingNotTheToken()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        const string wrong = "ffffffffffffffffffffffffffffffffffffffff";
        var e = await Assert.ThrowsAsync<LabelingToolException>(() => h.Tool(wrong).CheckAsync(CancellationToken.None));
        Assert.Contains("LabelStudio:TokenEnv", e.Message);
        Assert.Contains(h.TokenVariable, e.Message);
        Assert.Contains("Invalid token.", e.Message);
        Assert.DoesNotContain(wrong, e.Message);
        Assert.Single(h.Fake.Server.Requests, r => r.StatusCode == 401 && r.Path == "/api/projects/7/"); // 401 is never retried
    }

    [Fact]
    public async Task ARevokedPersonalAccessTokenIsAClearErrorNamingTheSetting()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        var other = FakeJwt.Create("refresh", DateTimeOffset.UtcNow.AddDays(1));
        var e = await Assert.ThrowsAsync<LabelingToolException>(() => h.Tool(other).CheckAsync(CancellationToken.None));
        Assert.Contains("LabelStudio:TokenEnv", e.Message);
        Assert.Contains("personal access token", e.Message);
        Assert.DoesNotContain(other, e.Message);
    }

    [Fact]
    public async Task AnExpiredOrMissingTokenFailsBeforeAnyRequest()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        var expired = FakeJwt.Create("refresh", DateTimeOffset.UtcNow.AddMinutes(-1));
        var e = Assert.Throws<LabelingToolException>(() => h.Tool(expired));
        Assert.Contains("LabelStudio:TokenEnv", e.Message);
        Assert.Contains("expired", e.Message);
        var missing = Assert.Throws<LabelingToolException>(() => h.Tool(""));
        Assert.Contains(h.TokenVariable, missing.Message);
        Assert.Empty(h.Fake.Server.Requests);
    }

    [Fact]
    public async Task AnAccessTokenGivenDirectlyIsSentAsBearerWithoutExchange()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(3);
        var access = await ExchangeAsync(h);
        h.Fake.Server.ClearRequests();
        Assert.Equal(3, await Sync(h.Tool(access)));
        Assert.All(h.Fake.Server.Requests, r => Assert.Equal($"Bearer {access}", r.Authorization));
        Assert.Equal(1, h.Fake.RefreshCount);
    }

    private static async Task<string> ExchangeAsync(LabelStudioHarness h)
    {
        using var http = new HttpClient { BaseAddress = h.Fake.BaseUri };
        using var body = new StringContent($$"""{"refresh": "{{h.Fake.PersonalAccessToken}}"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("api/token/refresh/", body);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access").GetString()!;
    }
}
