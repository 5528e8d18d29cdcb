using Elfs.Connector.Tests.LabelStudio.Fake;

namespace Elfs.Connector.Tests.LabelStudio;

/// <summary>Issue 12, bugs 7 and 9: what changes on the server between sync and push, or behind a timed-out import.</summary>
public sealed class LabelStudioPushRaceTests
{
    private static List<Priority> Queue(int count) => Enumerable.Range(1, count).Select(i => new Priority(i.ToString(), i, 0, 0, "")).ToList();

    [Fact]
    public async Task A_task_labeled_between_sync_and_push_gets_no_prediction_and_is_reported()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(10);
        var tool = h.Tool();
        var synced = new List<SourceItem>();
        await foreach (var item in tool.ListItemsAsync(default)) synced.Add(item);
        Assert.All(synced, i => Assert.False(i.IsLabeled));
        h.Fake.AddTask(3, h.Fake.UploadRef("img3.png"), labeled: true); // an annotator finished task 3 meanwhile
        h.Fake.AddTask(8, h.Fake.UploadRef("img8.png"), labeled: true);

        var receipt = await tool.PushAsync(new RunId("r1"), Queue(10), default);

        Assert.Equal(8, receipt.Queued);
        Assert.Equal(["3", "8"], receipt.Rejected.Select(r => r.ExternalId).Order());
        Assert.All(receipt.Rejected, r => Assert.Contains("labeled since the sync", r.Reason));
        Assert.DoesNotContain(h.Fake.Predictions, p => p.Task is 3 or 8);
        Assert.Equal(8, h.Fake.Predictions.Count);
    }

    [Fact]
    public async Task An_import_that_commits_after_the_clients_timeout_leaves_no_duplicates()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(10);
        // The second chunk's request outlives the client's 300 ms timeout, and the server stores it anyway at 450 ms.
        h.Fake.AddFault(new FakeFault("POST", "/api/projects/7/import/predictions", 1, Skip: 1, Delay: TimeSpan.FromMilliseconds(450),
            CommitLate: true));
        var tool = h.Tool(change: o => o.Http.RequestTimeout = TimeSpan.FromMilliseconds(300));

        var receipt = await tool.PushAsync(new RunId("r1"), Queue(10), default);
        await Task.Delay(TimeSpan.FromSeconds(1)); // anything still in flight on the server has landed by now

        Assert.Equal(10, receipt.Queued);
        Assert.Empty(receipt.Rejected);
        Assert.Equal(10, h.Fake.Predictions.Count);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), h.Fake.Predictions.Select(p => p.Task).Order());
    }
}
