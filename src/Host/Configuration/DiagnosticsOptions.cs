namespace Elfs.Host.Configuration;

/// <summary><c>Elfs:Diagnostics</c>: switches for operators investigating a run, and for the crash tests.</summary>
public sealed class DiagnosticsOptions
{
    /// <summary>
    /// When set to a run state (<c>synced</c>, <c>embedded</c>, <c>selected</c>, <c>pushed</c>), a run stops and waits
    /// right after committing that state, writing <c>&lt;storage&gt;.paused</c>; used to kill a run at a state boundary.
    /// Default empty (off).
    /// </summary>
    public string? PauseAfterState { get; set; }
}
