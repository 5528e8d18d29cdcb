using Elfs.Host.Storage;

namespace Elfs.EndToEnd.Tests;

/// <summary>
/// A child process is killed (SIGKILL) right after it committed each state; a restarted process finishes the same
/// run, and the tool received exactly one queue for it.
/// </summary>
[Collection(FashionImagesCollection.Name)]
public sealed class KillAndResumeTests(FashionImages images)
{
    [Theory]
    [InlineData("synced")]
    [InlineData("embedded")]
    [InlineData("selected")]
    [InlineData("pushed")]
    public async Task A_run_killed_after_a_state_resumes_from_it_and_pushes_once(string state)
    {
        using var scenario = new Scenario(images);
        var pausedMarker = scenario.StorePath + ".paused";
        using (var doomed = scenario.Start(new Dictionary<string, string> { ["Elfs__Diagnostics__PauseAfterState"] = state }, "run-once", "--project", Scenario.Project))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!File.Exists(pausedMarker))
            {
                Assert.True(DateTime.UtcNow < deadline, "the run never reached " + state + "\n" + doomed.Output);
                await Task.Delay(100);
            }
            doomed.Kill();
        }

        var stores = scenario.Stores();
        var killed = Assert.Single(stores.Runs.List(Scenario.Project));
        Assert.Equal(state, RunStore.Name(killed.State));
        var pushedBeforeKill = File.Exists(Path.Combine(scenario.QueueFolder, "queue.json"));
        Assert.Equal(state == "pushed", pushedBeforeKill);

        using (var resumed = scenario.Start(null, "run-once", "--project", Scenario.Project))
        {
            Assert.True(await resumed.WaitAsync(TimeSpan.FromMinutes(3)) == 0, resumed.Output);
            Assert.Contains($"resumes from state {state}", resumed.Output);
        }

        var run = Assert.Single(scenario.Stores().Runs.List(Scenario.Project));
        Assert.Equal((killed.Id, RunState.Done), (run.Id, run.State));
        var ledger = scenario.Stores().Ledger.Get(run.Id)!;
        Assert.Equal(1, ledger.Attempts);
        Assert.NotNull(ledger.Finished);
        var queue = scenario.Queue();
        Assert.Equal(run.Id, queue.RunId);
        Assert.Equal(scenario.ExpectedQueueLength, queue.Items.Count);
        Assert.Equal(queue.Items.Count, queue.Items.Select(i => i.Path).Distinct().Count());
        Assert.Equal(queue.Items.Select(i => i.Path), scenario.Stores().Selections.Queue(run.Id).Select(q => q.ExternalId));
    }
}
