using System.Diagnostics;
using Elfs.Connector.Tests.LabelStudio.Fake;

namespace Elfs.Connector.Tests.LabelStudio;

public class LabelStudioFaultTests
{
    private static async Task<int> Sync(ILabelingTool tool)
    {
        var n = 0;
        await foreach (var _ in tool.ListItemsAsync(CancellationToken.None)) n++;
        return n;
    }

    [Fact]
    public async Task ServerErrorsAreRetriedAndTheSyncCompletes()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(25);
        h.Fake.AddFault(new FakeFault("GET", "/api/tasks/", 2, Status: 500));
        h.Fake.AddFault(new FakeFault("GET", "/api/projects/7/", 1, Status: 502));
        Assert.Equal(25, await Sync(h.Tool()));
        Assert.Equal(3, h.Fake.Server.Requests.Count(r => r.StatusCode >= 500));
        Assert.Equal(2, h.Logs.Lines.Count(l => l.Contains("HTTP 500") && l.Contains("retry")));
    }

    [Fact]
    public async Task TooManyRequestsWaitsForRetryAfter()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(5);
        h.Fake.AddFault(new FakeFault("GET", "/api/tasks/", 1, Status: 429, RetryAfter: TimeSpan.FromSeconds(1)));
        var tool = h.Tool(change: o => o.Http.MaxDelay = TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();
        Assert.Equal(5, await Sync(tool));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited only {clock.Elapsed}");
        Assert.Single(h.Fake.Server.Requests, r => r.StatusCode == 429);
    }

    [Fact]
    public async Task ASlowAnswerTimesOutAndIsRetried()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(5);
        h.Fake.AddFault(new FakeFault("GET", "/api/tasks/", 1, Delay: TimeSpan.FromSeconds(10)));
        var tool = h.Tool(change: o => o.Http.RequestTimeout = TimeSpan.FromSeconds(1));
        Assert.Equal(5, await Sync(tool));
        Assert.Contains(h.Logs.Lines, l => l.Contains("TimeoutRejectedException") && l.Contains("retry 1"));
    }

    [Fact]
    public async Task MalformedJsonIsReadAgainOnceThenAClearError()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(5);
        h.Fake.AddFault(new FakeFault("GET", "/api/tasks/", 1, Malformed: true));
        Assert.Equal(5, await Sync(h.Tool()));

        h.Fake.AddFault(new FakeFault("GET", "/api/tasks/", 2, Malformed: true));
        var e = await Assert.ThrowsAsync<LabelingToolException>(() => Sync(h.Tool()));
        Assert.Contains("GET /api/tasks/", e.Message);
        Assert.Contains("not the expected JSON", e.Message);
    }

    [Fact]
    public async Task PersistentFailuresOpenTheCircuitWithAClearMessage()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.Fake.AddFault(new FakeFault("*", "/data/", 1000, Status: 503));
        var tool = h.Tool(change: o => { o.Http.MaxRetries = 1; o.Http.CircuitBreakAfter = 3; });
        Task<Stream> Open(int i) => tool.OpenImageAsync(new SourceItem(i.ToString(), h.Fake.UploadRef($"img{i}.png"), false, null), CancellationToken.None);
        // images failing one by one are per-item errors, until the circuit stops the run
        Assert.Contains("HTTP 503", (await Assert.ThrowsAsync<ItemUnavailableException>(() => Open(1))).Reason);
        await Assert.ThrowsAsync<ItemUnavailableException>(() => Open(2));
        var e = await Assert.ThrowsAsync<LabelingToolException>(() => Open(3));
        Assert.Contains("3 consecutive failed requests", e.Message);
        Assert.Contains("CircuitBreakAfter", e.Message);
        Assert.Equal(6, h.Fake.Server.Requests.Count); // each tried twice (MaxRetries = 1)
    }

    [Fact]
    public async Task OtherClientErrorsAreNotRetried()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(5);
        h.Fake.AddFault(new FakeFault("GET", "/api/projects/7/", 5, Status: 403));
        var e = await Assert.ThrowsAsync<LabelingToolException>(() => h.Tool().CheckAsync(CancellationToken.None));
        Assert.Contains("project 7", e.Message);
        Assert.Single(h.Fake.Server.Requests, r => r.Path == "/api/projects/7/");
    }

    [Fact]
    public async Task AnUnknownProjectNamesTheSetting()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        var e = await Assert.ThrowsAsync<LabelingToolException>(() => h.Tool(change: o => o.ProjectId = 99).CheckAsync(CancellationToken.None));
        Assert.Contains("LabelStudio:ProjectId", e.Message);
        Assert.Contains("no project 99", e.Message);
    }

    [Fact]
    public async Task AFailingImportChunkIsRetriedWithoutDuplicates()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(10);
        h.Fake.AddFault(new FakeFault("POST", "/api/projects/7/import/predictions", 2, Status: 500, Skip: 1));
        var queue = Enumerable.Range(1, 10).Select(i => new Priority(i.ToString(), i, 0, 0, "")).ToList();
        var receipt = await h.Tool().PushAsync(new RunId("r"), queue, CancellationToken.None);
        Assert.Equal(10, receipt.Queued);
        Assert.Equal(10, h.Fake.Predictions.Count);
    }

    [Fact]
    public async Task AnImportWhoseAnswerWasLostIsRetriedAndTheDuplicatesRemoved()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(10);
        h.Fake.AddFault(new FakeFault("POST", "/api/projects/7/import/predictions", 1, Status: 504, Skip: 1, AfterHandling: true));
        var queue = Enumerable.Range(1, 10).Select(i => new Priority(i.ToString(), 11 - i, 0, 0, "")).ToList();
        var receipt = await h.Tool().PushAsync(new RunId("r"), queue, CancellationToken.None);
        Assert.Equal(10, receipt.Queued);
        Assert.Empty(receipt.Rejected);
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => (long)i), h.Fake.Predictions.OrderBy(p => p.Score).Select(p => p.Task));
        // The lost chunk is found stored before anything is resent (issue 12, bug 7): no duplicate to delete.
        Assert.Equal(0, h.Fake.Server.Requests.Count(r => r.Method == "DELETE" && r.Path.StartsWith("/api/predictions/")));
        Assert.Single(h.Fake.Server.Requests, r => r.Method == "GET" && r.Path == "/api/predictions/");
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => (long)i), await h.LabelAllTasksAsync(10));
    }
}
