using Elfs.Engine.Clustering;

namespace Elfs.Engine.Selection;

/// <summary>
/// Takes candidates in priority order until the budget is filled, skipping already-labeled items and near-duplicates:
/// a candidate whose cosine similarity to an item already kept (or already labeled) reaches the threshold is dropped
/// and the next candidate takes its place. Near-duplicate pairs are read from the kNN graph (no new N × N work) and
/// joined transitively into groups, so at most one item of a group is kept however many copies it has.
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
        var group = DuplicateGroups(graph, limit);
        // Per duplicate group: the item kept or labeled in it, −1 while none is.
        var holder = Enumerable.Repeat(-1, rows).ToArray();
        for (var i = 0; i < rows; i++)
            if (labeled?[i] == true && holder[group[i]] < 0) holder[group[i]] = i;
        var duplicateOf = new int?[rows];
        var keptFor = new int[rows];
        var done = new bool[rows];
        var kept = new List<int>(budget);
        foreach (var c in candidates)
        {
            if (kept.Count == budget) break;
            if (done[c] || labeled?[c] == true) continue;
            done[c] = true;
            var g = group[c];
            if (holder[g] >= 0)
            {
                duplicateOf[c] = holder[g];
                keptFor[holder[g]]++;
                continue;
            }
            holder[g] = c;
            kept.Add(c);
        }
        return new DuplicateFilterResult([.. kept], duplicateOf, keptFor);
    }

    // Connected components of the graph's edges at or above the limit (union-find): a copy's K neighbours may all be
    // other copies, so "near-duplicate of" is taken transitively — any number of copies forms one group.
    private static int[] DuplicateGroups(KnnGraph graph, float limit)
    {
        var parent = Enumerable.Range(0, graph.Rows).ToArray();
        int Find(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }
        for (var i = 0; i < graph.Rows; i++)
            for (var j = 0; j < graph.K; j++)
            {
                var at = i * graph.K + j;
                if (graph.Similarities[at] < limit) break;
                int a = Find(i), b = Find(graph.Indices[at]);
                if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        var group = new int[graph.Rows];
        for (var i = 0; i < graph.Rows; i++) group[i] = Find(i);
        return group;
    }
}
