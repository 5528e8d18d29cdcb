namespace Elfs.Connector.Cvat;

/// <summary>
/// Remembers which pool frames were placed into one of our batch tasks, so a sync never offers them again. The host
/// keeps it in its store; <see cref="InMemoryCvatPlacementLedger"/> serves tests and a host without a store.
/// </summary>
public interface ICvatPlacementLedger
{
    /// <summary>Every placed pool item (external id <c>"task:frame"</c>) with the run that placed it.</summary>
    Task<IReadOnlyDictionary<string, RunId>> GetPlacedItemsAsync(CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="run"/> placed <paramref name="externalIds"/> into batch task <paramref name="taskId"/>.</summary>
    Task RecordPlacementAsync(RunId run, int taskId, IReadOnlyList<string> externalIds, CancellationToken cancellationToken);
}
