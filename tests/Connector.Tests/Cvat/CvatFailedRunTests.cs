using Microsoft.AspNetCore.Http;

namespace Elfs.Connector.Tests.Cvat;

/// <summary>Issue 12, bugs 5 and 6: a failed run never leads to a frame queued twice; an optional step does not fail the run.</summary>
public sealed class CvatFailedRunTests
{
    private static List<Priority> Queue(int taskId, int frames) =>
        Enumerable.Range(0, frames).Select(i => new Priority($"{taskId}:{i}", i + 1, 0, 0, "reason")).ToList();

    private static void AssertNoFrameTwice(CvatTestKit kit)
    {
        var names = kit.Fake.TasksIn(2).SelectMany(t => t.Frames.Select(f => f.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task A_wrong_assignee_fails_the_run_before_a_task_is_made_and_the_next_run_queues_each_frame_once()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var pool = kit.Fake.AddTask(1, "a", 12, 4, storage: "share");

        var error = await Assert.ThrowsAsync<LabelingToolException>(() =>
            kit.Tool(o => o.Assignees = ["anna", "nobody"]).PushAsync(new RunId("r1"), Queue(pool.Id, 12), default));
        var receipt = await kit.Tool(o => o.Assignees = ["anna"]).PushAsync(new RunId("r2"), Queue(pool.Id, 12), default);

        Assert.Contains("Cvat:Assignees: no CVAT user 'nobody'", error.Message);
        Assert.Equal(12, receipt.Queued);
        Assert.Single(kit.Fake.TasksIn(2));
        AssertNoFrameTwice(kit);
    }

    [Fact]
    public async Task A_run_that_fails_after_its_task_holds_the_frames_has_them_placed_so_the_next_run_does_not_copy_them()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var pool = kit.Fake.AddTask(1, "a", 12, 4, storage: "share");
        kit.Fake.Fault = c =>
        {
            if (c.Request.Path != "/api/guides") return false;
            c.Response.StatusCode = 400;
            c.Response.WriteAsync("{\"markdown\": [\"Ensure this field has no more than 10 characters.\"]}");
            return true;
        };
        await Assert.ThrowsAsync<LabelingToolException>(() => kit.Tool().PushAsync(new RunId("r1"), Queue(pool.Id, 12), default));
        kit.Fake.Fault = null;

        var receipt = await kit.Tool().PushAsync(new RunId("r2"), Queue(pool.Id, 12), default);

        Assert.Equal(0, receipt.Queued);
        Assert.Equal(12, receipt.Rejected.Count(r => r.Reason.Contains("already placed in the batch task of run r1")));
        AssertNoFrameTwice(kit);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task A_server_that_refuses_guides_gets_a_warning_and_the_run_completes(int status)
    {
        await using var kit = await CvatTestKit.StartAsync();
        var pool = kit.Fake.AddTask(1, "a", 6, 3, storage: "share");
        kit.Fake.Fault = c =>
        {
            if (c.Request.Path != "/api/guides") return false;
            c.Response.StatusCode = status;
            c.Response.WriteAsync("{\"detail\": \"You do not have permission to perform this action.\"}");
            return true;
        };

        var receipt = await kit.Tool(o => o.Assignees = ["ben"]).PushAsync(new RunId("r1"), Queue(pool.Id, 6), default);

        Assert.Equal(6, receipt.Queued);
        Assert.Contains(receipt.Warnings, w => w.Contains("no annotation guide") && w.Contains("Cvat:GuideMaxChars"));
        Assert.All(kit.Fake.JobsOf(Assert.Single(kit.Fake.TasksIn(2)).Id), j => Assert.Equal(6, j.AssigneeId));
    }

    [Fact]
    public async Task A_failed_best_effort_assignment_gets_a_warning_and_the_run_completes()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var pool = kit.Fake.AddTask(1, "a", 6, 3, storage: "share");
        kit.Fake.Fault = c =>
        {
            if (c.Request.Method != "PATCH" || !c.Request.Path.StartsWithSegments("/api/jobs")) return false;
            c.Response.StatusCode = 403;
            c.Response.WriteAsync("{\"detail\": \"You do not have permission to perform this action.\"}");
            return true;
        };

        var receipt = await kit.Tool(o => { o.Assignees = ["ben"]; o.AssignmentBestEffort = true; })
            .PushAsync(new RunId("r1"), Queue(pool.Id, 6), default);

        Assert.Equal(6, receipt.Queued);
        Assert.Contains(receipt.Warnings, w => w.Contains("Cvat:AssignmentBestEffort") && w.Contains("HTTP 403"));
    }

    [Fact]
    public async Task The_check_reports_unknown_assignees_and_an_organizations_project_without_the_organization_setting()
    {
        await using var kit = await CvatTestKit.StartAsync();
        kit.Fake.Organization = "acme";
        kit.Fake.AbsentHeaderSeesAll = true;

        var check = await kit.Tool(o => o.Assignees = ["anna", "nobody"]).CheckAsync(default);

        Assert.Contains(check.Warnings, w => w.StartsWith("Cvat:Assignees: no CVAT user 'nobody'"));
        Assert.DoesNotContain(check.Warnings, w => w.Contains("'anna'"));
        Assert.Contains(check.Warnings, w => w.StartsWith("Cvat:AnnotationProjectId: project 2 'annotation' belongs to an organization") && w.Contains("Cvat:Organization"));
        Assert.Contains(check.Warnings, w => w.StartsWith("Cvat:ProjectId: project 1 'pool' belongs to an organization"));
        Assert.DoesNotContain((await kit.Tool(o => o.Organization = "acme").CheckAsync(default)).Warnings, w => w.Contains("belongs to an organization"));
    }
}
