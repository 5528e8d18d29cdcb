using Elfs.Host.Storage;

namespace Elfs.Host.Runs;

/// <summary>The result of running a project.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Run">The run, as stored at the end (null when none was started).</param>
/// <param name="Message">What happened, in words (the error for a failed run).</param>
public sealed record RunOutcome(RunStatus Status, RunRecord? Run, string Message);
