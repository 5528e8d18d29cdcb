namespace Elfs.Host.Storage;

/// <summary>
/// Where a run stands. A run moves Created → Synced → Embedded → Selected → Pushed → Done, committing each step;
/// after a crash it resumes from the last committed state. Failed is terminal.
/// </summary>
public enum RunState
{
    /// <summary>Recorded, nothing done yet.</summary>
    Created,

    /// <summary>The tool's items are in the store and the run's candidates (unlabeled items) are fixed.</summary>
    Synced,

    /// <summary>Every candidate has a vector (or a recorded reason why not).</summary>
    Embedded,

    /// <summary>Scores and the queue are stored.</summary>
    Selected,

    /// <summary>The tool holds the queue (the push ledger has the receipt).</summary>
    Pushed,

    /// <summary>The report is written; the run is over.</summary>
    Done,

    /// <summary>The run stopped on an error (in <see cref="RunRecord.Error"/>); the next trigger starts a new run.</summary>
    Failed,
}
