using Elfs.Engine.Clustering;

namespace Elfs.Engine.Selection;

/// <summary>
/// Takes candidates in priority order until the budget is filled, skipping already-labeled items and near-duplicates:
/// a candidate whose cosine similarity to an item already kept (or already labeled) reaches the threshold is dropped
/// and the next candidate takes its place. Pairs are read from the kNN graph in both directions, so no new N × N work
/// is done; a pair is missed only when both items have K more-similar neighbours above the threshold.
/// </summary>
public static class NearDuplicates
{
    /// <summary>
    /// Default cosine threshold, chosen by measurement on Fashion-MNIST pixel embeddings (benchmarks/results/beyond.md):
    /// every planted copy with ±8 grey levels of noise scores above it, while only 0.1% of 10,000 distinct images have
    /// a neighbour above it (0.98 would flag 14.7%, 0.99 1.9%).
    /// </summary>
    public const double DefaultThreshold = 0.995;

    // Cosine of an exact copy can round to just under 1 in float32.
    private const float Tolerance = 1e-6f;

    /// <summary>Walks <paramref name="candidates"/> and keeps up to <paramref name="budget"/> of them.</summary>
    /// <param name="candidates">Item indices, best first.</param>
    /// <param name="budget">Items to keep.</param>
    /// <param name="graph">The cosine kNN graph over all items.</param>
    /// <param name="threshold">Cosine threshold in (0, 1]; null disables the duplicate check (labeled items are still skipped).</param>
    /// <param name="labeled">Per item: already labeled; null when none are.</param>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is outside (0, 1].</exception>
    public static DuplicateFilterResult Take(IReadOnlyList<int> candidates, int budget, KnnGraph graph, double? threshold,
        IReadOnlyList<bool>? labeled = null)
    {
        if (threshold is { } t && (double.IsNaN(t) || t <= 0 || t > 1))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "DuplicateThreshold must be in (0, 1]");
        var rows = graph.Rows;
        var limit = threshold is { } value ? (float)value - Tolerance : float.PositiveInfinity;
        var duplicateOf = new int?[rows];
        var keptFor = new int[rows];
        var state = new ItemState[rows];
        var blocker = Enumerable.Repeat(-1, rows).ToArray();
        for (var i = 0; i < rows; i++)
            if (labeled?[i] == true)
            {
                state[i] = ItemState.Labeled;
                Block(i, graph, limit, blocker);
            }
        var kept = new List<int>(budget);
        foreach (var c in candidates)
        {
            if (kept.Count == budget) break;
            if (state[c] != ItemState.Free) continue;
            var copyOf = blocker[c] >= 0 ? blocker[c] : FirstTakenNeighbour(c, graph, limit, state);
            if (copyOf >= 0)
            {
                state[c] = ItemState.Dropped;
                duplicateOf[c] = copyOf;
                keptFor[copyOf]++;
                continue;
            }
            state[c] = ItemState.Kept;
            kept.Add(c);
            Block(c, graph, limit, blocker);
        }
        return new DuplicateFilterResult([.. kept], duplicateOf, keptFor);
    }

    private static int FirstTakenNeighbour(int item, KnnGraph graph, float limit, ItemState[] state)
    {
        for (var j = 0; j < graph.K; j++)
        {
            var at = item * graph.K + j;
            if (graph.Similarities[at] < limit) break;
            var neighbour = graph.Indices[at];
            if (state[neighbour] is ItemState.Kept or ItemState.Labeled) return neighbour;
        }
        return -1;
    }

    private static void Block(int item, KnnGraph graph, float limit, int[] blocker)
    {
        for (var j = 0; j < graph.K; j++)
        {
            var at = item * graph.K + j;
            if (graph.Similarities[at] < limit) break;
            var neighbour = graph.Indices[at];
            if (blocker[neighbour] < 0) blocker[neighbour] = item;
        }
    }

    private enum ItemState : byte { Free, Kept, Dropped, Labeled }
}
