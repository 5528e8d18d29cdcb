using Elfs.Host.Storage;

namespace Elfs.Host.Runs;

/// <summary>The store and its tables, as one service.</summary>
public sealed class StoreSet(ElfsStore store)
{
    /// <summary>The SQLite file.</summary>
    public ElfsStore Store { get; } = store;

    /// <summary>Runs.</summary>
    public RunStore Runs { get; } = new(store);

    /// <summary>Items and run candidates.</summary>
    public ItemStore Items { get; } = new(store);

    /// <summary>Scores and queues.</summary>
    public SelectionStore Selections { get; } = new(store);

    /// <summary>The push ledger.</summary>
    public PushLedger Ledger { get; } = new(store);

    /// <summary>The per-project run guard.</summary>
    public ProjectLock Locks { get; } = new(store);
}
