using System.Collections.Concurrent;

namespace Elfs.Connector.Cvat;

/// <summary>A placement ledger held in memory (lost on restart): for tests and hosts without a store.</summary>
public sealed class InMemoryCvatPlacementLedger : ICvatPlacementLedger
{
    private readonly ConcurrentDictionary<string, RunId> placed = new();

    /// <summary>The batch task each run placed its items in.</summary>
    public ConcurrentDictionary<RunId, int> TaskOfRun { get; } = new();

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, RunId>> GetPlacedItemsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, RunId>>(new Dictionary<string, RunId>(placed));

    /// <inheritdoc />
    public Task RecordPlacementAsync(RunId run, int taskId, IReadOnlyList<string> externalIds, CancellationToken cancellationToken)
    {
        foreach (var id in externalIds) placed[id] = run;
        TaskOfRun[run] = taskId;
        return Task.CompletedTask;
    }
}
