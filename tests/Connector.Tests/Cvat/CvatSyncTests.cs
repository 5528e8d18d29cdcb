using Elfs.Connector.Cvat;
using Elfs.Connector.Tests.Cvat.Fake;

namespace Elfs.Connector.Tests.Cvat;

public sealed class CvatSyncTests
{
    [Fact]
    public async Task Sync_lists_every_pool_frame_with_its_labeled_state_across_pages()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "pool a", frames: 23, segment: 5);
        var b = kit.Fake.AddTask(1, "pool b", frames: 7, segment: 5);
        kit.Fake.AddTask(2, "other project", frames: 3, segment: 5);
        kit.Fake.AddTask(1, "elfs 2026-11-20 10:00Z [run old] 3 frames by priority", frames: 3, segment: 5);
        a.Deleted.UnionWith([3, 7]);
        var jobsA = kit.Fake.JobsOf(a.Id);
        jobsA[1].State = "completed";                    // frames 5..9
        jobsA[2].State = "completed";
        jobsA[2].Stage = "acceptance";                    // frames 10..14
        jobsA[3].State = "in progress";                   // frames 15..19
        kit.Fake.Jobs.Add(new FakeCvatJob { Id = 900, TaskId = a.Id, Type = "ground_truth", State = "completed", Start = 20, Stop = 22 });
        kit.Fake.Jobs.Add(new FakeCvatJob { Id = 901, TaskId = b.Id, Type = "consensus_replica", State = "completed", Start = 0, Stop = 4 });
        await kit.Ledger.RecordPlacementAsync(new RunId("r1"), 99, [$"{b.Id}:6"], default);

        var items = await CvatTestKit.ListAsync(kit.Tool(o => o.PageSize = 2));

        var expectedA = Enumerable.Range(0, 23).Where(f => f is not 3 and not 7).Select(f => $"{a.Id}:{f}");
        var expectedB = Enumerable.Range(0, 7).Select(f => $"{b.Id}:{f}");
        Assert.Equal(expectedA.Concat(expectedB), items.Select(i => i.ExternalId));
        var labeled = items.Where(i => i.IsLabeled).Select(i => i.ExternalId).ToHashSet();
        Assert.Equal(Enumerable.Range(5, 10).Where(f => f != 7).Select(f => $"{a.Id}:{f}").Append($"{b.Id}:6").ToHashSet(), labeled);
        Assert.Equal($"t{a.Id}/img_00004.png", items.Single(i => i.ExternalId == $"{a.Id}:4").ImageRef);
        Assert.All(items, i => Assert.Equal(a.Updated, i.UpdatedAt));
        // Pages of 4: the fake's "next" links point at an internal host, so they must be computed, not followed.
        Assert.Contains(kit.Fake.Seen, s => s.PathAndQuery.Contains("/api/tasks?project_id=1") && s.PathAndQuery.Contains("page=2"));
        Assert.All(kit.Fake.Seen, s => Assert.Equal("application/vnd.cvat+json", s.Accept));
        Assert.All(kit.Fake.Recorded, r => Assert.True(r.StatusCode < 400, $"{r.Method} {r.PathAndQuery} -> {r.StatusCode}"));
    }

    [Fact]
    public async Task Sync_of_a_task_list_reads_only_those_tasks()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", frames: 4, segment: 2);
        kit.Fake.AddTask(1, "b", frames: 4, segment: 2);
        var c = kit.Fake.AddTask(3, "c", frames: 2, segment: 2);
        kit.Fake.JobsOf(c.Id)[0].State = "completed";

        var items = await CvatTestKit.ListAsync(kit.Tool(o => { o.ProjectId = null; o.TaskIds = [c.Id, a.Id]; }));

        Assert.Equal([$"{a.Id}:0", $"{a.Id}:1", $"{a.Id}:2", $"{a.Id}:3", $"{c.Id}:0", $"{c.Id}:1"], items.Select(i => i.ExternalId));
        Assert.Equal([false, false, false, false, true, true], items.Select(i => i.IsLabeled));
    }

    [Fact]
    public async Task Tasks_without_data_are_skipped()
    {
        await using var kit = await CvatTestKit.StartAsync();
        kit.Fake.AddTask(1, "empty", frames: 0, segment: 5);
        var a = kit.Fake.AddTask(1, "a", frames: 2, segment: 5);
        var items = await CvatTestKit.ListAsync(kit.Tool());
        Assert.Equal([$"{a.Id}:0", $"{a.Id}:1"], items.Select(i => i.ExternalId));
    }

    [Fact]
    public async Task Frame_bytes_come_after_the_chunk_is_prepared_429_with_retry_after()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", frames: 3, segment: 5);
        var tool = kit.Tool();

        await using var image = await tool.OpenImageAsync(new SourceItem($"{a.Id}:2", "x", false, null), default);
        using var copy = new MemoryStream();
        await image.CopyToAsync(copy);

        Assert.Equal(FakeCvat.ImageBytes(a.Id, 2), copy.ToArray());
        var frameRequests = kit.Fake.Recorded.Where(r => r.Path == $"/api/tasks/{a.Id}/data").ToList();
        Assert.Equal([429, 200], frameRequests.Select(r => r.StatusCode));
        Assert.Equal("?type=frame&number=2&quality=original", frameRequests[1].Query);
    }

    [Fact]
    public async Task Missing_or_oversized_frames_are_unavailable_items_not_run_failures()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", frames: 3, segment: 5);
        kit.Fake.PrepareChunksFirst = false;
        var tool = kit.Tool(o => o.Http.MaxImageBytes = 32);

        var beyond = await Assert.ThrowsAsync<ItemUnavailableException>(() => tool.OpenImageAsync(new SourceItem($"{a.Id}:9", "x", false, null), default));
        Assert.Contains("The frame number should be in the [0, 2] range", beyond.Reason);
        var gone = await Assert.ThrowsAsync<ItemUnavailableException>(() => tool.OpenImageAsync(new SourceItem("4242:0", "x", false, null), default));
        Assert.Contains("No Task matches", gone.Reason);
        var big = await Assert.ThrowsAsync<ItemUnavailableException>(() => tool.OpenImageAsync(new SourceItem($"{a.Id}:0", "x", false, null), default));
        Assert.Contains("Cvat:Http:MaxImageBytes (32)", big.Reason);
        await Assert.ThrowsAsync<ItemUnavailableException>(() => tool.OpenImageAsync(new SourceItem("not-an-id", "x", false, null), default));
    }

    [Fact]
    public async Task Cancellation_stops_a_sync()
    {
        await using var kit = await CvatTestKit.StartAsync();
        kit.Fake.AddTask(1, "a", frames: 3, segment: 5);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CvatTestKit.ListAsync(kit.Tool(), cts.Token));
    }
}
