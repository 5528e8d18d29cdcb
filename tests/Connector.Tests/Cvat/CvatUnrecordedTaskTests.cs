using Elfs.Connector.Cvat;

namespace Elfs.Connector.Tests.Cvat;

/// <summary>
/// A push that stopped between giving its batch task the frames and recording the placement, followed by a push of a
/// different run: the later run finds the earlier run's task by its marker and records its frames as placed (adopts
/// it) instead of copying them into the queue a second time.
/// </summary>
public sealed class CvatUnrecordedTaskTests
{
    private static List<Priority> Queue(int taskId, IEnumerable<int> frames) =>
        frames.Select((f, i) => new Priority($"{taskId}:{f}", i + 1, 0, 0, "reason")).ToList();

    private static void AssertNoFrameTwice(CvatTestKit kit)
    {
        var names = kit.Fake.TasksIn(2).SelectMany(t => t.Frames.Select(f => f.Name)).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
    }

    /// <summary>Stops the push when it reads back the batch task's frames, i.e. after CVAT made the data, before the ledger write.</summary>
    private static CancellationTokenSource CrashBeforeRecording(CvatTestKit kit)
    {
        var crash = new CancellationTokenSource();
        kit.Fake.Fault = c =>
        {
            if (kit.Fake.TasksIn(2).Any(t => c.Request.Path == $"/api/tasks/{t.Id}/data/meta")) crash.Cancel();
            return false;
        };
        return crash;
    }

    [Fact]
    public async Task A_later_run_adopts_a_task_by_reference_whose_placement_was_never_recorded()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var pool = kit.Fake.AddTask(1, "a", 12, 4, storage: "share");
        using var crash = CrashBeforeRecording(kit);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            kit.Tool().PushAsync(new RunId("r1"), Queue(pool.Id, Enumerable.Range(0, 12)), crash.Token));
        var orphan = Assert.Single(kit.Fake.TasksIn(2));
        Assert.Equal(12, orphan.Frames.Count);
        Assert.Empty(await kit.Ledger.GetPlacedItemsAsync(default));
        kit.Fake.Fault = null;

        var receipt = await kit.Tool().PushAsync(new RunId("r2"), Queue(pool.Id, Enumerable.Range(0, 12)), default);

        AssertNoFrameTwice(kit);
        Assert.Equal(orphan.Id, Assert.Single(kit.Fake.TasksIn(2)).Id);
        Assert.Equal(0, receipt.Queued);
        Assert.Equal(12, receipt.Rejected.Count(r => r.Reason.Contains("already placed in the batch task of run r1")));
        Assert.Contains(receipt.Warnings, w => w.Contains($"batch task {orphan.Id}") && w.Contains("run r1") && w.Contains("12 frames"));
        var placed = await kit.Ledger.GetPlacedItemsAsync(default);
        Assert.Equal(Enumerable.Range(0, 12).Select(f => $"{pool.Id}:{f}").Order(), placed.Keys.Order());
        Assert.All(placed.Values, r => Assert.Equal(new RunId("r1"), r));
        Assert.Equal(orphan.Id, kit.Ledger.TaskOfRun[new RunId("r1")]);
    }

    [Fact]
    public async Task A_later_run_adopts_a_reuploaded_task_and_queues_only_the_frames_it_does_not_hold()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var pool = kit.Fake.AddTask(1, "a", 12, 4);
        using var crash = CrashBeforeRecording(kit);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            kit.Tool().PushAsync(new RunId("r1"), Queue(pool.Id, Enumerable.Range(0, 6)), crash.Token));
        var orphan = Assert.Single(kit.Fake.TasksIn(2));
        Assert.Equal(6, orphan.Frames.Count);
        kit.Fake.Fault = null;

        var receipt = await kit.Tool().PushAsync(new RunId("r2"), Queue(pool.Id, Enumerable.Range(3, 9)), default);

        AssertNoFrameTwice(kit);
        Assert.Equal(2, kit.Fake.TasksIn(2).Count);
        Assert.Equal(6, receipt.Queued);
        Assert.Equal([$"{pool.Id}:3", $"{pool.Id}:4", $"{pool.Id}:5"],
            receipt.Rejected.Where(r => r.Reason.Contains("already placed in the batch task of run r1")).Select(r => r.ExternalId).Order());
        var placed = await kit.Ledger.GetPlacedItemsAsync(default);
        Assert.Equal(12, placed.Count);
        Assert.Equal(6, placed.Values.Count(r => r == new RunId("r1")));
    }

    [Fact]
    public async Task A_later_run_waits_for_an_earlier_runs_data_still_being_created_and_adopts_it()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var pool = kit.Fake.AddTask(1, "a", 8, 4, storage: "share");
        using var crash = kit.CrashWhileDataIsCreated();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            kit.Tool().PushAsync(new RunId("r1"), Queue(pool.Id, Enumerable.Range(0, 8)), crash.Token));
        var orphan = Assert.Single(kit.Fake.TasksIn(2));
        Assert.False(orphan.HasData);
        kit.Fake.Fault = null;

        var receipt = await kit.Tool().PushAsync(new RunId("r2"), Queue(pool.Id, Enumerable.Range(0, 8)), default);

        AssertNoFrameTwice(kit);
        Assert.Equal(orphan.Id, Assert.Single(kit.Fake.TasksIn(2)).Id);
        Assert.Equal(8, orphan.Frames.Count);
        Assert.Equal(0, receipt.Queued);
        Assert.Equal(8, (await kit.Ledger.GetPlacedItemsAsync(default)).Count);
    }

    [Fact]
    public async Task An_earlier_runs_task_left_without_data_is_deleted_and_a_recorded_one_is_left_alone()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var pool = kit.Fake.AddTask(1, "a", 20, 4);
        await kit.Tool().PushAsync(new RunId("r0"), Queue(pool.Id, Enumerable.Range(15, 5)), default);
        var recorded = Assert.Single(kit.Fake.TasksIn(2));
        using var crash = new CancellationTokenSource();
        kit.Fake.OnUploaded = count => { if (count >= 2) crash.Cancel(); };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            kit.Tool(o => o.UploadBatchFiles = 2).PushAsync(new RunId("r1"), Queue(pool.Id, Enumerable.Range(0, 6)), crash.Token));
        var halfMade = kit.Fake.TasksIn(2).Single(t => t.Id != recorded.Id);
        Assert.False(halfMade.HasData);
        kit.Fake.OnUploaded = null;

        var receipt = await kit.Tool().PushAsync(new RunId("r2"), Queue(pool.Id, Enumerable.Range(0, 6)), default);

        Assert.Equal(6, receipt.Queued);
        Assert.Equal(2, kit.Fake.TasksIn(2).Count);
        Assert.DoesNotContain(kit.Fake.TasksIn(2), t => t.Id == halfMade.Id);
        Assert.Contains(kit.Fake.TasksIn(2), t => t.Id == recorded.Id);
        Assert.Empty(receipt.Warnings);
        AssertNoFrameTwice(kit);
    }
}
