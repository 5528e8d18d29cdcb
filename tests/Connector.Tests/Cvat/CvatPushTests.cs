using System.Text.Json;
using Elfs.Connector.Cvat;
using Elfs.Connector.Tests.Cvat.Fake;

namespace Elfs.Connector.Tests.Cvat;

public sealed class CvatPushTests
{
    private static readonly RunId Run = new("run-0042");

    /// <summary>12 frames from two pool tasks, ranks interleaved so that neither name nor id order equals rank order.</summary>
    private static List<Priority> Queue(FakeCvatTask a, FakeCvatTask b) =>
    [
        .. Enumerable.Range(0, 6).Select(i => new Priority($"{b.Id}:{5 - i}", 2 * i + 1, 0.1 * i / 2, i % 3, $"rare cluster {i % 3}")),
        .. Enumerable.Range(0, 6).Select(i => new Priority($"{a.Id}:{2 * i}", 2 * i + 2, 0.1 * i / 2 + 0.01, 7, "boundary of cluster 7")),
    ];

    private static List<string> NamesInRankOrder(FakeCvatTask a, FakeCvatTask b, IEnumerable<Priority> queue) =>
        queue.OrderBy(p => p.Rank).Select(p =>
        {
            var (task, frame) = (int.Parse(p.ExternalId.Split(':')[0]), int.Parse(p.ExternalId.Split(':')[1]));
            return (task == a.Id ? a : b).Frames[frame].Name;
        }).ToList();

    [Fact]
    public async Task Push_by_reference_from_the_share_makes_one_ordered_task_cut_into_assigned_jobs()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", 20, 10, storage: "share");
        var b = kit.Fake.AddTask(1, "b", 8, 10, storage: "share");
        var queue = Queue(a, b);
        var tool = kit.Tool(o => o.Assignees = ["anna", "ben"]);

        var receipt = await tool.PushAsync(Run, queue, default);

        var batch = Assert.Single(kit.Fake.TasksIn(2));
        Assert.Equal(12, receipt.Queued);
        Assert.Empty(receipt.Rejected);
        Assert.Contains($"/tasks/{batch.Id}", receipt.Location);
        Assert.Matches(@"^elfs \d{4}-\d\d-\d\d \d\d:\d\dZ \[run run-0042\] 12 frames by priority$", batch.Name);
        Assert.Equal(NamesInRankOrder(a, b, queue), batch.Frames.Select(f => f.Name));
        var jobs = kit.Fake.JobsOf(batch.Id);
        Assert.Equal([(0, 4), (5, 9), (10, 11)], jobs.Select(j => (j.Start, j.Stop)));
        Assert.Equal([5, 6, 5], jobs.Select(j => j.AssigneeId!.Value));
        Assert.Contains("rare cluster 0", batch.Guide);
        Assert.Contains($"1. `{b.Frames[5].Name}` (pool {b.Id}:5): rare cluster 0", batch.Guide);
        var data = kit.Fake.Recorded.Single(r => r.Path == $"/api/tasks/{batch.Id}/data/");
        using var body = JsonDocument.Parse(data.Body);
        Assert.Equal("predefined", body.RootElement.GetProperty("sorting_method").GetString());
        Assert.False(body.RootElement.TryGetProperty("cloud_storage_id", out _));
        Assert.DoesNotContain(kit.Fake.Seen, s => s.UploadHeader is not null);
        Assert.DoesNotContain(kit.Fake.Seen, s => s.PathAndQuery.Contains("type=frame"));
        Assert.Equal(queue.Select(p => p.ExternalId).Order(), (await kit.Ledger.GetPlacedItemsAsync(default)).Keys.Order());
        kit.AssertBodiesFitSchema();

        var synced = await CvatTestKit.ListAsync(tool);
        Assert.All(synced.Where(i => queue.Any(p => p.ExternalId == i.ExternalId)), i => Assert.True(i.IsLabeled));
        Assert.Equal(28 - 12, synced.Count(i => !i.IsLabeled));
    }

    [Fact]
    public async Task Push_by_reference_from_cloud_storage_names_the_storage()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", 6, 10, storage: "cloud_storage", cloudStorageId: 3);
        var queue = new List<Priority> { new($"{a.Id}:4", 1, 0.1, 0, "r"), new($"{a.Id}:1", 2, 0.2, 0, "r") };

        var receipt = await kit.Tool().PushAsync(Run, queue, default);

        var batch = Assert.Single(kit.Fake.TasksIn(2));
        Assert.Equal(2, receipt.Queued);
        Assert.Equal([a.Frames[4].Name, a.Frames[1].Name], batch.Frames.Select(f => f.Name));
        using var body = JsonDocument.Parse(kit.Fake.Recorded.Single(r => r.Path == $"/api/tasks/{batch.Id}/data/").Body);
        Assert.Equal(3, body.RootElement.GetProperty("cloud_storage_id").GetInt32());
        Assert.True(body.RootElement.GetProperty("use_cache").GetBoolean());
        kit.AssertBodiesFitSchema();
    }

    [Fact]
    public async Task Push_by_reupload_sends_original_bytes_with_the_three_upload_headers_in_rank_order()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", 20, 10);
        var b = kit.Fake.AddTask(1, "b", 8, 10);
        var queue = Queue(a, b);

        var receipt = await kit.Tool(o => o.UploadBatchFiles = 5).PushAsync(Run, queue, default);

        var batch = Assert.Single(kit.Fake.TasksIn(2));
        Assert.Equal(12, receipt.Queued);
        var expected = queue.OrderBy(p => p.Rank).Select(p => p.ExternalId.Split(':').Select(int.Parse).ToArray())
            .Select(x => FakeCvat.ImageBytes(x[0], x[1])).ToList();
        Assert.Equal(expected, batch.Frames.Select(f => f.Bytes));
        Assert.Equal($"t{b.Id}_f5_img_00005.png", batch.Frames[0].Name);
        var uploads = kit.Fake.Seen.Where(s => s.UploadHeader is not null).Select(s => s.UploadHeader).ToList();
        Assert.Equal(["Upload-Start", "Upload-Multiple", "Upload-Multiple", "Upload-Multiple", "Upload-Finish"], uploads);
        var finish = kit.Fake.Recorded.Last(r => r.Path == $"/api/tasks/{batch.Id}/data/");
        using var body = JsonDocument.Parse(finish.Body);
        Assert.Equal(batch.Frames.Select(f => f.Name), body.RootElement.GetProperty("upload_file_order").EnumerateArray().Select(e => e.GetString()));
        kit.AssertBodiesFitSchema();
    }

    [Fact]
    public async Task Pushing_the_same_run_again_keeps_the_one_task()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", 20, 10);
        var b = kit.Fake.AddTask(1, "b", 8, 10);
        var tool = kit.Tool(o => o.Assignees = ["anna"]);
        var first = await tool.PushAsync(Run, Queue(a, b), default);
        var posts = kit.Fake.Recorded.Count(r => r.Method == "POST");

        var again = await tool.PushAsync(Run, Queue(a, b), default);

        Assert.Single(kit.Fake.TasksIn(2));
        Assert.Equal(first, again with { Rejected = first.Rejected, Warnings = first.Warnings });
        Assert.Empty(again.Warnings);
        Assert.Equal(posts, kit.Fake.Recorded.Count(r => r.Method == "POST"));
        Assert.Equal(3, kit.Fake.Recorded.Count(r => r.Method == "PATCH"));
    }

    [Fact]
    public async Task A_crash_mid_upload_leaves_a_half_made_task_that_the_next_push_replaces()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", 20, 10);
        var b = kit.Fake.AddTask(1, "b", 8, 10);
        using var crash = new CancellationTokenSource();
        kit.Fake.OnUploaded = count => { if (count >= 4) crash.Cancel(); };
        var tool = kit.Tool(o => o.UploadBatchFiles = 4);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tool.PushAsync(Run, Queue(a, b), crash.Token));
        var halfMade = Assert.Single(kit.Fake.TasksIn(2));
        Assert.False(halfMade.HasData);
        kit.Fake.OnUploaded = null;

        var receipt = await tool.PushAsync(Run, Queue(a, b), default);

        var batch = Assert.Single(kit.Fake.TasksIn(2));
        Assert.NotEqual(halfMade.Id, batch.Id);
        Assert.Equal(12, receipt.Queued);
        Assert.Equal(12, batch.Frames.Count);
        Assert.Contains(kit.Fake.Recorded, r => r.Method == "DELETE" && r.Path == $"/api/tasks/{halfMade.Id}");
    }

    [Fact]
    public async Task A_5xx_on_an_upload_batch_makes_the_task_again_without_resending_into_it()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", 20, 10);
        var b = kit.Fake.AddTask(1, "b", 8, 10);
        kit.Fake.LoseNextUploadAnswer = true;

        var receipt = await kit.Tool(o => o.UploadBatchFiles = 6).PushAsync(Run, Queue(a, b), default);

        var batch = Assert.Single(kit.Fake.TasksIn(2));
        Assert.Equal(12, receipt.Queued);
        var expected = Queue(a, b).OrderBy(p => p.Rank).Select(p => p.ExternalId.Split(':').Select(int.Parse).ToArray())
            .Select(x => FakeCvat.ImageBytes(x[0], x[1])).ToList();
        Assert.Equal(expected, batch.Frames.Select(f => f.Bytes));
        var multiples = kit.Fake.Recorded.Where(r => r.Path.EndsWith("/data/") && r.Body.StartsWith("--")).ToList();
        Assert.Equal([503], multiples.Where(r => r.Path != $"/api/tasks/{batch.Id}/data/").Select(r => r.StatusCode));
        Assert.Equal([200, 200], multiples.Where(r => r.Path == $"/api/tasks/{batch.Id}/data/").Select(r => r.StatusCode));
        Assert.Single(kit.Fake.Recorded, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task A_lost_data_answer_meets_409_while_the_request_runs_and_is_waited_for()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", 20, 10, storage: "share");
        var b = kit.Fake.AddTask(1, "b", 8, 10, storage: "share");
        kit.Fake.LoseNextDataAnswer = true;

        var receipt = await kit.Tool().PushAsync(Run, Queue(a, b), default);

        Assert.Equal(12, receipt.Queued);
        Assert.Single(kit.Fake.TasksIn(2));
        Assert.Equal([503, 409], kit.Fake.Recorded.Where(r => r.Path.EndsWith("/data/")).Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_lost_upload_finish_answer_meets_400_after_the_data_exists_and_is_verified()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", 20, 10);
        var b = kit.Fake.AddTask(1, "b", 8, 10);
        kit.Fake.CompleteDataImmediately = true;
        kit.Fake.LoseNextDataAnswer = true;

        var receipt = await kit.Tool().PushAsync(Run, Queue(a, b), default);

        Assert.Equal(12, receipt.Queued);
        Assert.Equal(12, Assert.Single(kit.Fake.TasksIn(2)).Frames.Count);
        Assert.Equal([503, 400], kit.Fake.Recorded.Where(r => r.Path.EndsWith("/data/") && r.Body.Contains("upload_file_order")).Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_failed_creation_request_surfaces_its_message_and_leaves_no_task()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", 6, 10, storage: "share");
        kit.Fake.CreationFailure = _ => "Exception: cannot read /home/django/share/t1/img_00001.png\n";

        var error = await Assert.ThrowsAsync<LabelingToolException>(() =>
            kit.Tool().PushAsync(Run, [new Priority($"{a.Id}:1", 1, 0.1, 0, "r")], default));

        Assert.Contains("cannot read /home/django/share/t1/img_00001.png", error.Message);
        Assert.Contains("run-0042", error.Message);
        Assert.Empty(kit.Fake.TasksIn(2));
    }

    [Fact]
    public async Task A_request_that_expired_before_the_poll_is_resolved_by_the_task()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", 6, 10, storage: "share");
        kit.Fake.ExpireFinishedRequests = true;

        var receipt = await kit.Tool().PushAsync(Run, [new Priority($"{a.Id}:1", 1, 0.1, 0, "r")], default);

        Assert.Equal(1, receipt.Queued);
        Assert.Contains(kit.Fake.Recorded, r => r.Path.StartsWith("/api/requests/") && r.StatusCode == 404);
        Assert.Contains(kit.Fake.Seen, s => s.RawTarget.StartsWith("/api/requests/action%3Dcreate%26target%3Dtask%26target_id%3D", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_reorders_frames_fails_the_order_check()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", 6, 10, storage: "share");
        kit.Fake.IgnoreSortingMethod = true;

        var error = await Assert.ThrowsAsync<LabelingToolException>(() => kit.Tool().PushAsync(Run,
            [new Priority($"{a.Id}:4", 1, 0.1, 0, "r"), new Priority($"{a.Id}:2", 2, 0.1, 0, "r")], default));

        Assert.Contains("does not hold the frames in priority order: at position 0", error.Message);
    }

    [Fact]
    public async Task Unplaceable_items_are_rejected_with_reasons_and_the_rest_pushed()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", 6, 10, storage: "share");
        a.Deleted.Add(3);
        await kit.Ledger.RecordPlacementAsync(new RunId("older"), 77, [$"{a.Id}:5"], default);
        List<Priority> queue =
        [
            new($"{a.Id}:0", 1, 0.1, 0, "ok"), new("nonsense", 2, 0.1, 0, "x"), new($"{a.Id}:3", 3, 0.1, 0, "deleted"),
            new($"{a.Id}:60", 4, 0.1, 0, "beyond"), new($"{a.Id}:0", 5, 0.1, 0, "twice"), new("999:1", 6, 0.1, 0, "no task"),
            new($"{a.Id}:5", 7, 0.1, 0, "older run"), new($"{a.Id}:1", 8, 0.1, 0, "ok"),
        ];

        var receipt = await kit.Tool().PushAsync(Run, queue, default);

        Assert.Equal(2, receipt.Queued);
        var reasons = receipt.Rejected.ToDictionary(r => r.ExternalId + "#" + r.Reason[..8], r => r.Reason);
        Assert.Equal(6, receipt.Rejected.Count);
        Assert.Contains(receipt.Rejected, r => r.ExternalId == "nonsense" && r.Reason.Contains("task:frame"));
        Assert.Contains(receipt.Rejected, r => r.ExternalId == $"{a.Id}:3" && r.Reason.Contains("deleted"));
        Assert.Contains(receipt.Rejected, r => r.ExternalId == $"{a.Id}:60" && r.Reason.Contains("beyond"));
        Assert.Contains(receipt.Rejected, r => r.ExternalId == $"{a.Id}:0" && r.Reason.Contains("twice"));
        Assert.Contains(receipt.Rejected, r => r.ExternalId == "999:1" && r.Reason.Contains("no longer exists"));
        Assert.Contains(receipt.Rejected, r => r.ExternalId == $"{a.Id}:5" && r.Reason.Contains("older"));
        Assert.Equal([a.Frames[0].Name, a.Frames[1].Name], Assert.Single(kit.Fake.TasksIn(2)).Frames.Select(f => f.Name));
    }

    [Fact]
    public async Task A_crash_while_cvat_creates_the_data_is_resumed_by_waiting_for_that_request()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", 6, 10, storage: "share");
        using var crash = kit.CrashWhileDataIsCreated();
        var tool = kit.Tool();
        List<Priority> queue = [new($"{a.Id}:3", 1, 0.1, 0, "r"), new($"{a.Id}:0", 2, 0.2, 0, "r")];

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tool.PushAsync(Run, queue, crash.Token));
        var started = Assert.Single(kit.Fake.TasksIn(2));
        Assert.False(started.HasData);
        kit.Fake.Fault = null;

        var receipt = await tool.PushAsync(Run, queue, default);

        var batch = Assert.Single(kit.Fake.TasksIn(2));
        Assert.Equal(started.Id, batch.Id);
        Assert.Equal(2, receipt.Queued);
        Assert.Equal([a.Frames[3].Name, a.Frames[0].Name], batch.Frames.Select(f => f.Name));
        Assert.Single(kit.Fake.Recorded, r => r.Method == "POST" && r.Path == "/api/tasks");
        Assert.Single(kit.Fake.Recorded, r => r.Method == "POST" && r.Path.EndsWith("/data/"));
        Assert.Contains(kit.Fake.Recorded, r => r.Path == "/api/requests" && r.Query.Contains($"task_id={batch.Id}"));
    }

    [Fact]
    public async Task Reference_mode_refuses_frames_that_live_only_in_cvat()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", 6, 10);
        var error = await Assert.ThrowsAsync<LabelingToolException>(() =>
            kit.Tool(o => o.AttachMode = CvatAttachMode.Reference).PushAsync(Run, [new Priority($"{a.Id}:1", 1, 0.1, 0, "r")], default));
        Assert.Contains("Cvat:AttachMode is Reference", error.Message);
        Assert.Contains("found: local", error.Message);
        Assert.Empty(kit.Fake.TasksIn(2));
    }

    [Fact]
    public async Task A_queue_with_nothing_placeable_creates_no_task()
    {
        await using var kit = await CvatTestKit.StartAsync();
        kit.Fake.AddTask(1, "a", 6, 10);
        var receipt = await kit.Tool().PushAsync(Run, [new Priority("bad", 1, 0, 0, "r")], default);
        Assert.Equal(0, receipt.Queued);
        Assert.Empty(kit.Fake.TasksIn(2));
    }
}
