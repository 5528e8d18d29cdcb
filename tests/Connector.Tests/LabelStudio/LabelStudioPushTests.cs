using System.Text.Json;
using Elfs.Connector.Tests.LabelStudio.Fake;

namespace Elfs.Connector.Tests.LabelStudio;

public class LabelStudioPushTests
{
    /// <summary>A queue over tasks in a scrambled order (rank 1 = task 9, ...), as ELFS interleaves classes.</summary>
    private static List<Priority> Queue(params long[] tasks) =>
        tasks.Select((t, i) => new Priority(t.ToString(), i + 1, 0.5, i % 3, "test")).ToList();

    private static readonly long[] Order = [9, 3, 14, 1, 7, 12, 5, 10, 2];

    [Fact]
    public async Task APushMakesTheLabelStreamServeExactlyOurOrderThenTheRest()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(15, labeledEvery: 4);
        h.Fake.Project.ModelVersion = "";
        var queue = Queue(Order);

        var receipt = await h.Tool().PushAsync(new RunId("run-1"), queue, CancellationToken.None);

        // Task 12 is labeled (every 4th): checked at push time, it gets no prediction and is reported (issue 12, bug 9).
        Assert.Equal(Order.Length - 1, receipt.Queued);
        Assert.Equal("12", Assert.Single(receipt.Rejected).ExternalId);
        Assert.EndsWith("/projects/7/data", receipt.Location);
        Assert.Equal("Uncertainty sampling", h.Fake.Project.Sampling);
        Assert.Equal("elfs-run-1", h.Fake.Project.ModelVersion);
        Assert.Contains(h.Logs.Lines, l => l.StartsWith("Warning:") && l.Contains("Sequential sampling"));
        var predictions = h.Fake.Predictions;
        Assert.Equal(Order.Where(t => t != 12), predictions.OrderBy(p => p.Score).Select(p => p.Task));
        Assert.All(predictions, p =>
        {
            Assert.Equal("elfs-run-1", p.ModelVersion);
            Assert.Equal("[]", p.ResultJson);
            Assert.InRange(p.Score!.Value, 0.0, 1.0);
            Assert.Null(p.Cluster);
        });
        Assert.Equal(2, h.Fake.Server.Requests.Count(r => r.Path == "/api/projects/7/import/predictions")); // 8 in chunks of 4
        Assert.Empty(h.ContractViolations());

        var served = await h.LabelAllTasksAsync(100);
        var queued = Order.Where(t => t % 4 != 0).ToList(); // task 12 is labeled: the stream never serves it
        Assert.Equal(queued, served.Take(queued.Count));
        var rest = Enumerable.Range(1, 15).Where(i => i % 4 != 0).Select(i => (long)i).Except(Order).Order();
        Assert.Equal(rest, served.Skip(queued.Count).Order()); // unselected unlabeled tasks come after the queue
    }

    [Fact]
    public async Task PushingTheSameRunAgainLeavesExactlyOnePredictionPerTaskAndImportsNothing()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(15);
        var tool = h.Tool();
        await tool.PushAsync(new RunId("r1"), Queue(Order), CancellationToken.None);
        h.Fake.Server.ClearRequests();

        var again = await tool.PushAsync(new RunId("r1"), Queue(Order), CancellationToken.None);

        Assert.Equal(Order.Length, again.Queued);
        Assert.Equal(Order.Length, h.Fake.Predictions.Count);
        Assert.Equal(Order.Length, h.Fake.Predictions.Select(p => p.Task).Distinct().Count());
        Assert.DoesNotContain(h.Fake.Server.Requests, r => r.Method != "GET");
        Assert.Equal(Order, (await h.LabelAllTasksAsync(Order.Length)));
    }

    [Fact]
    public async Task ANewRunReplacesThePreviousRunsPredictionsAndLeavesOtherModelsAlone()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(15);
        h.Fake.AddPrediction(1, 0.9, "yolo-v8");
        var tool = h.Tool();
        await tool.PushAsync(new RunId("r1"), Queue(Order), CancellationToken.None);
        long[] second = [2, 4, 6, 8];

        var receipt = await tool.PushAsync(new RunId("r2"), Queue(second), CancellationToken.None);

        Assert.Equal(4, receipt.Queued);
        Assert.Equal("elfs-r2", h.Fake.Project.ModelVersion);
        Assert.Equal(second, h.Fake.Predictions.Where(p => p.ModelVersion == "elfs-r2").OrderBy(p => p.Score).Select(p => p.Task));
        Assert.DoesNotContain(h.Fake.Predictions, p => p.ModelVersion == "elfs-r1");
        Assert.Single(h.Fake.Predictions, p => p.ModelVersion == "yolo-v8");
        var delete = Assert.Single(h.Fake.Server.Requests, r => r.Method == "DELETE");
        Assert.Equal("/api/projects/7/model-versions/", delete.Path);
        Assert.Equal("elfs-r1", JsonDocument.Parse(delete.Body).RootElement.GetProperty("model_version").GetString());
        var switchAt = h.Fake.Server.Requests.ToList().FindLastIndex(r => r.Method == "PATCH");
        Assert.True(switchAt < h.Fake.Server.Requests.ToList().FindIndex(r => r.Method == "DELETE"), "the switch comes before the cleanup");
        Assert.Equal(second, (await h.LabelAllTasksAsync(4)));
    }

    [Fact]
    public async Task ACrashBetweenImportAndSwitchResumesWithoutDuplicates()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(15);
        h.Fake.Project.Sampling = "Uncertainty sampling";
        h.Fake.Project.ModelVersion = "elfs-r0";
        h.Fake.AddPrediction(15, 0.1, "elfs-r0");
        h.Fake.AddFault(new FakeFault("PATCH", "/api/projects/7/", 100, Status: 503));
        var tool = h.Tool(change: o => { o.Http.MaxRetries = 1; o.Http.CircuitBreakAfter = 50; });

        await Assert.ThrowsAsync<LabelingToolException>(() => tool.PushAsync(new RunId("r1"), Queue(Order), CancellationToken.None));
        Assert.Equal(Order.Length, h.Fake.Predictions.Count(p => p.ModelVersion == "elfs-r1"));
        Assert.Equal("elfs-r0", h.Fake.Project.ModelVersion); // not switched, and the live version was not deleted

        h.Fake.ClearFaults();
        h.Fake.Server.ClearRequests();
        var resumed = await h.Tool().PushAsync(new RunId("r1"), Queue(Order), CancellationToken.None);

        Assert.Equal(Order.Length, resumed.Queued);
        Assert.Equal(Order.Length, h.Fake.Predictions.Count(p => p.ModelVersion == "elfs-r1"));
        Assert.DoesNotContain(h.Fake.Server.Requests, r => r.Path.EndsWith("/import/predictions"));
        Assert.Equal("elfs-r1", h.Fake.Project.ModelVersion);
        Assert.DoesNotContain(h.Fake.Predictions, p => p.ModelVersion == "elfs-r0");
    }

    [Fact]
    public async Task ACrashHalfwayThroughTheImportResumesWithTheMissingPredictionsOnly()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(15);
        await h.Tool().PushAsync(new RunId("seed"), Queue(1), CancellationToken.None); // a previous run is live
        h.Fake.AddFault(new FakeFault("POST", "/api/projects/7/import/predictions", 100, Skip: 1)); // chunk 1 lands, then 500s
        var failing = h.Tool(change: o => o.Http.MaxRetries = 0);
        await Assert.ThrowsAsync<LabelingToolException>(() => failing.PushAsync(new RunId("r1"), Queue(Order), CancellationToken.None));
        Assert.Equal(4, h.Fake.Predictions.Count(p => p.ModelVersion == "elfs-r1"));
        h.Fake.AddPrediction(9, 1.0 / 10, "elfs-r1"); // a duplicate of task 9's prediction
        h.Fake.AddPrediction(3, 0.77, "elfs-r1");     // a stale score for task 3
        h.Fake.ClearFaults();
        h.Fake.Server.ClearRequests();

        var receipt = await h.Tool().PushAsync(new RunId("r1"), Queue(Order), CancellationToken.None);

        Assert.Equal(Order.Length, receipt.Queued);
        var mine = h.Fake.Predictions.Where(p => p.ModelVersion == "elfs-r1").ToList();
        Assert.Equal(Order, mine.OrderBy(p => p.Score).Select(p => p.Task));
        Assert.Equal(5, h.Fake.Server.Requests.Where(r => r.Path.EndsWith("/import/predictions"))
            .Sum(r => JsonDocument.Parse(r.Body).RootElement.GetArrayLength()));
        Assert.Equal(2, h.Fake.Server.Requests.Count(r => r.Method == "DELETE" && r.Path.StartsWith("/api/predictions/")));
        Assert.Equal("elfs-r1", h.Fake.Project.ModelVersion);
        Assert.DoesNotContain(h.Fake.Predictions, p => p.ModelVersion == "elfs-seed");
        Assert.Equal(Order, await h.LabelAllTasksAsync(Order.Length));
        Assert.Empty(h.ContractViolations());
    }

    [Fact]
    public async Task ATaskDeletedSinceTheSyncIsDroppedAndTheRestOfItsChunkResent()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(15);
        h.Fake.DeleteTask(14);

        var receipt = await h.Tool().PushAsync(new RunId("r1"), Queue(Order), CancellationToken.None);

        var rejected = Assert.Single(receipt.Rejected);
        Assert.Equal("14", rejected.ExternalId);
        Assert.Contains("no longer exists", rejected.Reason);
        Assert.Equal(Order.Length - 1, receipt.Queued);
        Assert.Equal(Order.Where(t => t != 14), h.Fake.Predictions.OrderBy(p => p.Score).Select(p => p.Task));
        Assert.Contains(h.Fake.Server.Requests, r => r.Path.EndsWith("/import/predictions") && r.StatusCode == 400);
        Assert.Equal(Order.Where(t => t != 14), await h.LabelAllTasksAsync(Order.Length - 1));
        Assert.Empty(h.ContractViolations());
    }

    [Fact]
    public async Task ItemsLabelStudioSkipsSilentlyAreFoundAndReported()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(15);
        h.Fake.SilentlySkip.Add(5);
        h.Fake.SilentlySkip.Add(2);

        var receipt = await h.Tool().PushAsync(new RunId("r1"), Queue(Order), CancellationToken.None);

        Assert.Equal(["2", "5"], receipt.Rejected.Select(r => r.ExternalId).Order());
        Assert.All(receipt.Rejected, r => Assert.Contains("skipped", r.Reason));
        Assert.Equal(Order.Length - 2, receipt.Queued);
    }

    [Fact]
    public async Task BadQueueEntriesAreRejectedNotSent()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(5);
        var queue = new List<Priority>
        {
            new("3", 1, 0, 0, ""), new("x7", 2, 0, 0, ""), new("3", 3, 0, 0, ""), new("1", 4, 0, 0, ""),
        };
        var receipt = await h.Tool().PushAsync(new RunId("r1"), queue, CancellationToken.None);
        Assert.Equal(2, receipt.Queued);
        Assert.Contains(receipt.Rejected, r => r.ExternalId == "x7" && r.Reason.Contains("task id"));
        Assert.Contains(receipt.Rejected, r => r.ExternalId == "3" && r.Reason.Contains("twice"));
    }

    [Fact]
    public async Task ACancelledPushStopsBeforeSwitching()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(15);
        using var cts = new CancellationTokenSource();
        h.Fake.AddFault(new FakeFault("POST", "/api/projects/7/import/predictions", 1, Delay: TimeSpan.FromSeconds(10), Skip: 1));
        var push = h.Tool().PushAsync(new RunId("r1"), Queue(Order), cts.Token);
        while (!h.Fake.Server.Requests.Any(r => r.Path.EndsWith("/import/predictions"))) await Task.Delay(10);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => push);
        Assert.NotEqual("elfs-r1", h.Fake.Project.ModelVersion);
    }

    [Fact]
    public async Task WhenNothingCanBeQueuedTheProjectKeepsItsVersion()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(3);
        h.Fake.Project.Sampling = "Uncertainty sampling";
        h.Fake.Project.ModelVersion = "elfs-r0";
        h.Fake.AddPrediction(1, 0.5, "elfs-r0");
        h.Fake.DeleteTask(2);
        h.Fake.DeleteTask(3);

        var receipt = await h.Tool().PushAsync(new RunId("r1"), Queue(2, 3), CancellationToken.None);

        Assert.Equal(0, receipt.Queued);
        Assert.Equal(["2", "3"], receipt.Rejected.Select(r => r.ExternalId).Order());
        Assert.Equal("elfs-r0", h.Fake.Project.ModelVersion); // a switch to a version without predictions would be refused (400)
        Assert.DoesNotContain(h.Fake.Server.Requests, r => r.Method is "PATCH" or "DELETE");
        Assert.Single(h.Fake.Predictions);
    }
}
