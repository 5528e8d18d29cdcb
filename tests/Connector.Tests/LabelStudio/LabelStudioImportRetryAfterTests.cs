using Elfs.Connector.Tests.LabelStudio.Fake;

namespace Elfs.Connector.Tests.LabelStudio;

/// <summary>
/// A prediction import answered 429 or 503 with <c>Retry-After</c> (delay seconds or an HTTP-date) is sent again only
/// after that wait, capped by <c>Http:MaxDelay</c>; each task still gets exactly one prediction.
/// </summary>
public sealed class LabelStudioImportRetryAfterTests
{
    private const string ImportPath = "/api/projects/7/import/predictions";

    private static List<Priority> Queue(int count) => Enumerable.Range(1, count).Select(i => new Priority(i.ToString(), i, 0, 0, "")).ToList();

    /// <summary>Pushes 6 tasks (two chunks, the first one throttled); returns how long after the refusal it was sent again.</summary>
    private static async Task<TimeSpan> PushAsync(LabelStudioHarness h, TimeSpan maxDelay)
    {
        var receipt = await h.Tool(change: o => o.Http.MaxDelay = maxDelay).PushAsync(new RunId("r1"), Queue(6), default);

        Assert.Equal(6, receipt.Queued);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), h.Fake.Predictions.Select(p => p.Task).Order());
        var imports = h.Fake.Server.Requests.Where(r => r.Method == "POST" && r.Path == ImportPath).ToList();
        Assert.Equal(3, imports.Count);
        Assert.True(imports[0].StatusCode is 429 or 503);
        return imports[1].Arrived - imports[0].Arrived;
    }

    [Theory]
    [InlineData(429, 2, false, 1.9)]
    [InlineData(503, 2, false, 1.9)]
    [InlineData(503, 3, true, 1.5)] // an HTTP-date has whole seconds: 3 s ahead is at least 2 s ahead once truncated
    public async Task A_throttled_import_is_resent_after_its_retry_after(int status, int seconds, bool asDate, double atLeast)
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(6);
        h.Fake.AddFault(new FakeFault("POST", ImportPath, 1, status, RetryAfter: TimeSpan.FromSeconds(seconds), RetryAfterAsDate: asDate));

        var gap = await PushAsync(h, maxDelay: TimeSpan.FromSeconds(10));

        Assert.True(gap >= TimeSpan.FromSeconds(atLeast), $"resent {gap} after the refusal: the import was resent before its Retry-After");
    }

    [Fact]
    public async Task A_retry_after_beyond_max_delay_waits_max_delay()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(6);
        h.Fake.AddFault(new FakeFault("POST", ImportPath, 1, 429, RetryAfter: TimeSpan.FromHours(1)));

        var gap = await PushAsync(h, maxDelay: TimeSpan.FromSeconds(1));

        Assert.True(gap >= TimeSpan.FromSeconds(0.9), $"resent {gap} after the refusal: it did not wait Http:MaxDelay");
        Assert.True(gap < TimeSpan.FromMinutes(5), $"resent {gap} after the refusal: the one-hour Retry-After was not capped by Http:MaxDelay");
    }
}
