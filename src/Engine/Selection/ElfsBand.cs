using Elfs.Engine.Clustering;

namespace Elfs.Engine.Selection;

/// <summary>
/// ELFS's double-end band with the near-duplicate and already-labeled checks: candidates are the items after the
/// <c>hard</c> lowest-AUM ones, in AUM-ascending order; when an item is skipped the next candidate of the band's
/// easier side takes its place. Without a threshold or labeled items this is exactly <see cref="DoubleEndPruning"/>.
/// </summary>
public static class ElfsBand
{
    /// <summary>Selects <paramref name="budget"/> items; also returns the hard-pruned items.</summary>
    public static (DuplicateFilterResult Result, int[] HardPruned) Select(ReadOnlySpan<float> aum, int hard, int budget, KnnGraph? graph,
        double? threshold, IReadOnlyList<bool>? labeled)
    {
        // β counts unlabeled candidates only: labeled rows (present for the near-duplicate check) are never pruned.
        var order = labeled is null ? AumOrder.Ascending(aum) : AumOrder.Ascending(aum).Where(i => !labeled[i]).ToArray();
        var hardPruned = order[..hard];
        if (graph is null || (threshold is null && labeled is null))
            return (new DuplicateFilterResult(DoubleEndPruning.Select(aum, hard, budget), new int?[aum.Length], new int[aum.Length]), hardPruned);
        return (NearDuplicates.Take(order[hard..], budget, graph, threshold, labeled), hardPruned);
    }
}
