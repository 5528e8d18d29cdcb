using Elfs.Host.Storage;

namespace Elfs.Host.Tests.Storage;

public sealed class ProjectLockTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Only_one_of_many_concurrent_acquirers_gets_the_lock()
    {
        var store = new ElfsStore(_temp.File("lock.db"));
        var locks = new ProjectLock(store);
        using var start = new Barrier(8);
        var handles = new IDisposable?[8];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            start.SignalAndWait();
            handles[i] = locks.TryAcquire("proj", out _);
        });
        Assert.Single(handles, h => h is not null);
        Assert.Null(locks.TryAcquire("PROJ", out var holder));
        Assert.Contains($"|{Environment.ProcessId}|", holder);
        Assert.NotNull(locks.TryAcquire("other", out _));
        handles.Single(h => h is not null)!.Dispose();
        using var again = locks.TryAcquire("proj", out _);
        Assert.NotNull(again);
    }

    [Fact]
    public void A_lock_left_by_a_dead_process_is_taken_over()
    {
        var store = new ElfsStore(_temp.File("lock.db"));
        using var dead = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        dead.WaitForExit();
        store.InTransaction((c, tx) =>
        {
            using var command = c.CreateCommand();
            command.Transaction = tx;
            command.CommandText = $"INSERT INTO project_locks(project, owner, acquired) VALUES('proj', '{Environment.MachineName}|{dead.Id}|638000000000000000|x', 't')";
            command.ExecuteNonQuery();
        });
        using var handle = new ProjectLock(store).TryAcquire("proj", out _);
        Assert.NotNull(handle);
    }

    public void Dispose() => _temp.Dispose();
}
