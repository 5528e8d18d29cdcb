using Elfs.Host.Storage;

namespace Elfs.Host.Tests.Storage;

public sealed class RunStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void A_run_moves_through_its_states_and_refuses_a_stale_transition()
    {
        var store = new ElfsStore(_temp.File("runs.db"));
        var runs = new RunStore(store);
        var now = DateTimeOffset.UtcNow;
        runs.Create("r1", "p", "manual", "{}", now);
        Assert.Equal(RunState.Created, runs.FindUnfinished("p")!.State);

        store.InTransaction((c, tx) => runs.Advance(c, tx, "r1", RunState.Created, RunState.Synced, "{}", "{}", now));
        Assert.Throws<InvalidOperationException>(() =>
            store.InTransaction((c, tx) => runs.Advance(c, tx, "r1", RunState.Created, RunState.Synced, "{}", "{}", now)));
        foreach (var (from, to) in new[] { (RunState.Synced, RunState.Embedded), (RunState.Embedded, RunState.Selected), (RunState.Selected, RunState.Pushed), (RunState.Pushed, RunState.Done) })
            store.InTransaction((c, tx) => runs.Advance(c, tx, "r1", from, to, "{}", "{}", now));

        var done = runs.Get("r1")!;
        Assert.Equal(RunState.Done, done.State);
        Assert.NotNull(done.Finished);
        Assert.Null(runs.FindUnfinished("p"));
        Assert.Equal("r1", runs.LatestDone("P")!.Id);
    }

    [Fact]
    public void An_interruption_is_noted_without_changing_the_state_and_a_failure_is_terminal()
    {
        var store = new ElfsStore(_temp.File("runs.db"));
        var runs = new RunStore(store);
        runs.Create("r1", "p", "schedule", "{}", DateTimeOffset.UtcNow);
        runs.NoteInterruption("r1", "shutdown", DateTimeOffset.UtcNow);
        Assert.Equal((RunState.Created, "shutdown"), (runs.Get("r1")!.State, runs.Get("r1")!.Error));
        runs.Fail("r1", "boom", DateTimeOffset.UtcNow);
        Assert.Equal((RunState.Failed, "boom"), (runs.Get("r1")!.State, runs.Get("r1")!.Error));
        Assert.Null(runs.FindUnfinished("p"));
    }

    [Fact]
    public void The_push_ledger_counts_attempts_and_keeps_the_receipt()
    {
        var store = new ElfsStore(_temp.File("ledger.db"));
        var ledger = new PushLedger(store);
        ledger.BeginAttempt("r1", "p", DateTimeOffset.UtcNow);
        ledger.BeginAttempt("r1", "p", DateTimeOffset.UtcNow);
        store.InTransaction((c, tx) => ledger.Complete(c, tx, "r1", 12, "[]", "/q", DateTimeOffset.UtcNow));
        var row = ledger.Get("r1")!;
        Assert.Equal((2, 12, "/q"), (row.Attempts, row.Queued, row.Location));
        Assert.NotNull(row.Finished);
    }

    public void Dispose() => _temp.Dispose();
}
