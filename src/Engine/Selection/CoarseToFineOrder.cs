using System.Globalization;
using Elfs.Engine.Training;

namespace Elfs.Engine.Selection;

/// <summary>
/// Orders a group's typical picks so that every prefix covers the group as a smaller budget would (issue 15 item 4):
/// the group is clustered at coarse levels (1, 2, 4, … clusters, fewer than the picks); from the coarsest level to the
/// finest, each cluster, largest first, contributes its most typical pick not yet placed. The set of picks is
/// not changed, only its order; without it a prefix of a large typical core would hold the typical items of the largest
/// sub-clusters only, crowded into the group's densest region.
/// </summary>
public static class CoarseToFineOrder
{
    /// <summary>The picks of one group in labeling order.</summary>
    /// <param name="embeddings">All rows, row-major rows × dim.</param>
    /// <param name="dim">Embedding dimension.</param>
    /// <param name="members">The group's candidates (the picks among them).</param>
    /// <param name="picks">The group's typical picks, in their fallback order.</param>
    /// <param name="typicality">Typicality per row (higher = more typical).</param>
    /// <param name="iterations">Lloyd iterations of each level's clustering.</param>
    /// <param name="seed">Seed of the clusterings.</param>
    public static int[] Order(ReadOnlySpan<float> embeddings, int dim, IReadOnlyList<int> members, IReadOnlyList<int> picks, float[] typicality,
        int iterations, ulong seed)
    {
        var order = new List<int>(picks.Count);
        var placed = new HashSet<int>();
        var isPick = picks.ToHashSet();
        foreach (var clusters in Levels(picks.Count, members.Count))
        {
            var assignment = SphericalKMeans.Fit(embeddings, dim, members, clusters, iterations,
                SeedStreams.Derive(seed, string.Create(CultureInfo.InvariantCulture, $"level-{clusters}")));
            var level = Typicality.MostTypicalOfEachCluster(assignment, clusters, members, typicality, m => isPick.Contains(m) && !placed.Contains(m));
            order.AddRange(level);
            placed.UnionWith(level);
        }
        order.AddRange(picks.Where(p => !placed.Contains(p)));
        return [.. order];
    }

    // 1, 2, 4, … below the number of picks: the coarse levels whose prefixes the order makes good.
    private static IEnumerable<int> Levels(int picks, int members)
    {
        for (var k = 1; k < picks && k <= members; k *= 2) yield return k;
    }
}
