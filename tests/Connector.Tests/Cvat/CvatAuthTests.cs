using Elfs.Connector.Cvat;

namespace Elfs.Connector.Tests.Cvat;

public sealed class CvatAuthTests
{
    [Fact]
    public async Task A_personal_access_token_is_sent_as_bearer()
    {
        await using var kit = await CvatTestKit.StartAsync();
        kit.Fake.AddTask(1, "a", 2, 5);
        await CvatTestKit.ListAsync(kit.Tool());
        Assert.All(kit.Fake.Recorded, r => Assert.Equal("Bearer secret-pat", r.Authorization));
    }

    [Fact]
    public async Task A_legacy_key_is_sent_as_token_and_check_advises_a_pat()
    {
        await using var kit = await CvatTestKit.StartAsync();
        kit.Fake.Scheme = "Token";
        kit.Fake.AddTask(1, "a", 2, 5);
        var tool = kit.Tool(o => o.TokenKind = CvatTokenKind.Token);

        Assert.Equal(2, (await CvatTestKit.ListAsync(tool)).Count);
        var check = await tool.CheckAsync(default);

        Assert.All(kit.Fake.Recorded, r => Assert.Equal("Token secret-pat", r.Authorization));
        Assert.Contains(check.Warnings, w => w.Contains("TokenKind is Token"));
    }

    [Fact]
    public async Task A_wrong_token_fails_with_a_message_naming_the_setting_but_not_the_token()
    {
        await using var kit = await CvatTestKit.StartAsync();
        kit.Fake.AddTask(1, "a", 2, 5);
        Environment.SetEnvironmentVariable(kit.TokenEnv, "wrong-token-value");

        var error = await Assert.ThrowsAsync<LabelingToolException>(() => CvatTestKit.ListAsync(kit.Tool()));

        Assert.Contains("HTTP 401", error.Message);
        Assert.Contains("Invalid token.", error.Message);
        Assert.Contains("Cvat:TokenEnv", error.Message);
        Assert.DoesNotContain("wrong-token-value", error.Message);
        Assert.Single(kit.Fake.Recorded);
    }

    [Fact]
    public async Task A_missing_token_variable_is_named()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var error = await Assert.ThrowsAsync<LabelingToolException>(() => kit.Tool(o => o.TokenEnv = "ELFS_TEST_CVAT_UNSET_VARIABLE").CheckAsync(default));
        Assert.Contains("ELFS_TEST_CVAT_UNSET_VARIABLE", error.Message);
        Assert.Empty(kit.Fake.Recorded);
    }

    [Fact]
    public async Task The_organization_goes_on_every_call_and_without_it_org_data_is_not_found()
    {
        await using var kit = await CvatTestKit.StartAsync();
        kit.Fake.Organization = "acme";
        var a = kit.Fake.AddTask(1, "a", 6, 5, storage: "share");
        var tool = kit.Tool(o => o.Organization = "acme");

        Assert.Equal(6, (await CvatTestKit.ListAsync(tool)).Count);
        await tool.PushAsync(new RunId("org-run"), [new Priority($"{a.Id}:2", 1, 0.5, 0, "r")], default);
        Assert.All(kit.Fake.Seen, s => Assert.Equal("acme", s.Organization));
        Assert.Single(kit.Fake.TasksIn(2));

        var error = await Assert.ThrowsAsync<LabelingToolException>(() => kit.Tool().CheckAsync(default));
        Assert.Contains("Cvat:Organization", error.Message);
    }

    [Fact]
    public async Task An_unknown_organization_is_reported()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var error = await Assert.ThrowsAsync<LabelingToolException>(() => kit.Tool(o => o.Organization = "nope").CheckAsync(default));
        Assert.Contains("nope organization does not exist.", error.Message);
    }
}
