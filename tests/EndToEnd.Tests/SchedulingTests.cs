using System.Net;
using Elfs.Host.Runs;
using Elfs.Host.Scheduling;
using Elfs.Host.Storage;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Elfs.EndToEnd.Tests;

[Collection(FashionImagesCollection.Name)]
public sealed class SchedulingTests(FashionImages images)
{
    private static void SeedDoneRun(StoreSet stores, DateTimeOffset started)
    {
        stores.Runs.Create("e2e-old", Scenario.Project, "schedule", "{}", started);
        RunState[] states = [RunState.Created, RunState.Synced, RunState.Embedded, RunState.Selected, RunState.Pushed, RunState.Done];
        for (var i = 0; i + 1 < states.Length; i++)
            stores.Store.InTransaction((c, tx) => stores.Runs.Advance(c, tx, "e2e-old", states[i], states[i + 1], "{}", "{}", started));
    }

    [Fact]
    public async Task A_nightly_run_missed_while_the_host_was_down_runs_once_at_start_up_and_its_report_is_served()
    {
        using var scenario = new Scenario(images);
        SeedDoneRun(scenario.Stores(), DateTimeOffset.UtcNow.AddDays(-2));
        await using var app = await HostScenario.StartAsync(scenario);
        var stores = HostScenario.Stores(app);
        var caughtUp = await HostScenario.WaitForAsync(stores, runs => runs.FirstOrDefault(r => r.Trigger == "catch-up" && r.State == RunState.Done), TimeSpan.FromMinutes(3));
        await Task.Delay(1500);
        Assert.Equal(2, stores.Runs.List(Scenario.Project).Count);

        using var http = new HttpClient { BaseAddress = new Uri(Elfs.Host.Cli.RunCommand.Urls(app)[0]) };
        var report = await http.GetAsync($"/runs/{caughtUp.Id}/report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("Labeling queue for", await report.Content.ReadAsStringAsync());
        Assert.Contains(caughtUp.Id, await http.GetStringAsync("/"));
        await app.StopAsync();
    }

    [Fact]
    public async Task No_catch_up_when_the_last_run_is_after_the_last_scheduled_time()
    {
        using var scenario = new Scenario(images);
        var lastFire = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date.AddHours(2), TimeSpan.Zero);
        SeedDoneRun(scenario.Stores(), (lastFire <= DateTimeOffset.UtcNow ? lastFire : lastFire.AddDays(-1)).AddMinutes(1));
        await using var app = await HostScenario.StartAsync(scenario);
        await Task.Delay(3000);
        Assert.Single(HostScenario.Stores(app).Runs.List(Scenario.Project));
        await app.StopAsync();
    }

    [Fact]
    public async Task A_resume_trigger_that_fired_before_the_run_it_meant_finished_starts_no_new_run()
    {
        // Start-up catch-up can see the first run of a just-started host in progress and ask to "resume" it; by the time
        // that trigger runs, the run is done (a race that made Two_triggers_at_once_give_one_run fail under load).
        using var scenario = new Scenario(images);
        var lastFire = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date.AddHours(2), TimeSpan.Zero);
        var finished = (lastFire <= DateTimeOffset.UtcNow ? lastFire : lastFire.AddDays(-1)).AddMinutes(1);
        SeedDoneRun(scenario.Stores(), finished);
        await using var app = await HostScenario.StartAsync(scenario);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.ScheduleJob(TriggerBuilder.Create().ForJob(ProjectRunJob.KeyOf(Scenario.Project))
            .UsingJobData(ProjectRunJob.TriggerKey, "resume").StartAt(finished.AddMinutes(-1)).Build());
        await Task.Delay(3000);
        Assert.Single(HostScenario.Stores(app).Runs.List(Scenario.Project));
        await app.StopAsync();
    }

    [Fact]
    public async Task Two_triggers_at_once_give_one_run()
    {
        using var scenario = new Scenario(images);
        await using var app = await HostScenario.StartAsync(scenario);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var key = ProjectRunJob.KeyOf(Scenario.Project);
        await Task.WhenAll(scheduler.TriggerJob(key).AsTask(), scheduler.TriggerJob(key).AsTask());
        var stores = HostScenario.Stores(app);
        await HostScenario.WaitForAsync(stores, runs => runs.FirstOrDefault(r => r.State == RunState.Done), TimeSpan.FromMinutes(3));
        // The blocked second trigger fires as soon as the first run ends; give it time to (wrongly) start a run.
        await Task.Delay(3000);
        Assert.Single(stores.Runs.List(Scenario.Project));
        await app.StopAsync();
    }

    [Fact]
    public async Task A_second_process_refuses_to_run_a_project_that_is_running()
    {
        using var scenario = new Scenario(images);
        // This (live) test process holds the project's run guard, as a running host would.
        using (var held = scenario.Stores().Locks.TryAcquire(Scenario.Project, out _))
        {
            Assert.NotNull(held);
            using var second = scenario.Start(null, "run-once", "--project", Scenario.Project);
            Assert.Equal(2, await second.WaitAsync(TimeSpan.FromMinutes(1)));
            Assert.Contains("already in progress", second.Output);
        }
        Assert.Empty(scenario.Stores().Runs.List(Scenario.Project));
    }

    [Fact]
    public async Task Run_once_paused_after_a_state_exits_with_code_3_and_the_next_run_once_resumes_from_it()
    {
        using var scenario = new Scenario(images);
        using (var paused = scenario.Start(new Dictionary<string, string> { ["Elfs__Diagnostics__PauseAfterState"] = "synced" }, "run-once", "--project", Scenario.Project))
        {
            Assert.Equal(3, await paused.WaitAsync(TimeSpan.FromMinutes(3)));
            Assert.Contains("paused after state synced", paused.Output);
        }
        Assert.Equal(RunState.Synced, Assert.Single(scenario.Stores().Runs.List(Scenario.Project)).State);
        using var resumed = scenario.Start(null, "run-once", "--project", Scenario.Project);
        Assert.True(await resumed.WaitAsync(TimeSpan.FromMinutes(3)) == 0, resumed.Output);
        Assert.Contains("resumes from state synced", resumed.Output);
    }

    [Fact]
    public async Task Graceful_shutdown_leaves_the_run_resumable()
    {
        using var scenario = new Scenario(images);
        string runId;
        await using (var app = await HostScenario.StartAsync(scenario, new Dictionary<string, string?> { ["Elfs:Diagnostics:PauseAfterState"] = "embedded" }))
        {
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.TriggerJob(ProjectRunJob.KeyOf(Scenario.Project));
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!File.Exists(scenario.StorePath + ".paused"))
            {
                Assert.True(DateTime.UtcNow < deadline);
                await Task.Delay(100);
            }
            await app.StopAsync();
            var interrupted = Assert.Single(HostScenario.Stores(app).Runs.List(Scenario.Project));
            Assert.Equal(RunState.Embedded, interrupted.State);
            Assert.Contains("interrupted", interrupted.Error);
            runId = interrupted.Id;
        }
        File.Delete(scenario.StorePath + ".paused");
        await using (var app = await HostScenario.StartAsync(scenario))
        {
            var done = await HostScenario.WaitForAsync(HostScenario.Stores(app), runs => runs.FirstOrDefault(r => r.State == RunState.Done), TimeSpan.FromMinutes(3));
            Assert.Equal(runId, done.Id);
            Assert.Equal(runId, scenario.Queue().RunId);
            await app.StopAsync();
        }
    }
}
