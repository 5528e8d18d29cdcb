namespace Elfs.Host.Runs;

/// <summary>How a call to run a project ended.</summary>
public enum RunStatus
{
    /// <summary>The run reached Done.</summary>
    Completed,

    /// <summary>Another run of the project holds its guard; nothing was done.</summary>
    AlreadyRunning,

    /// <summary>The run stopped on an error and is marked failed.</summary>
    Failed,

    /// <summary>Stopped after the state named by Elfs:Diagnostics:PauseAfterState (run-once); the run resumes from it next time.</summary>
    Paused,

    /// <summary>Cancelled (shutdown); the run stays at its last committed state and resumes next time.</summary>
    Interrupted,
}
