namespace Elfs.Host.Status;

/// <summary>A run as the status page and <c>elfs status</c> show it.</summary>
/// <param name="Id">Run id.</param>
/// <param name="Project">Project.</param>
/// <param name="State">State (lower case).</param>
/// <param name="Trigger">What started it.</param>
/// <param name="Started">Start time (UTC, ISO 8601).</param>
/// <param name="Finished">End time, if over.</param>
/// <param name="Queued">Items queued, once pushed.</param>
/// <param name="Candidates">Unlabeled candidates.</param>
/// <param name="Error">Last error or interruption.</param>
/// <param name="Report">The report's path, once written.</param>
/// <param name="Rejected">Items of the run's queue the tool refused at push time (deleted or labeled since the sync), once pushed.</param>
public sealed record RunView(string Id, string Project, string State, string Trigger, string Started, string? Finished, int? Queued, int? Candidates, string? Error, string? Report,
    int? Rejected = null);
