namespace Elfs.Connector.Cvat;

/// <summary>What attaching data to a batch task did.</summary>
/// <param name="RqId">The creation request to wait for; null when the task already held its data.</param>
/// <param name="Attached">The frames sent, in task order.</param>
/// <param name="Rejected">Frames that could not be read from the pool, with the reason.</param>
internal sealed record CvatAttachOutcome(string? RqId, IReadOnlyList<CvatChosenFrame> Attached, IReadOnlyList<RejectedItem> Rejected);
