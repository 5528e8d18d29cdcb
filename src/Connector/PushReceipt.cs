namespace Elfs.Connector;

/// <summary>What a push did.</summary>
/// <param name="Run">The run pushed.</param>
/// <param name="Queued">Items now in the tool's queue for this run.</param>
/// <param name="Rejected">Items the tool refused or that no longer exist, with the reason for each.</param>
/// <param name="Location">Where an admin sees the result (a URL, a task name or a file path).</param>
public sealed record PushReceipt(RunId Run, int Queued, IReadOnlyList<RejectedItem> Rejected, string Location)
{
    /// <summary>Optional steps that did not happen (e.g. an annotation guide the server refused); the push itself succeeded.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
