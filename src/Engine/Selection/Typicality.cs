using Elfs.Engine.Clustering;

namespace Elfs.Engine.Selection;

/// <summary>
/// TypiClust's typicality from the kNN graph: the mean cosine similarity of an item to its nearest neighbours (higher =
/// denser region = more typical). On L2-normalised vectors this orders items as TypiClust's inverse mean distance does.
/// </summary>
public static class Typicality
{
    /// <summary>Typicality per item over the first <paramref name="neighbours"/> neighbours of the graph.</summary>
    public static float[] Compute(KnnGraph graph, int neighbours = StrategyChoice.TypicalityNeighbours)
    {
        var m = Math.Min(neighbours, graph.K);
        var result = new float[graph.Rows];
        for (var i = 0; i < graph.Rows; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < m; j++) sum += graph.Similarities[i * graph.K + j];
            result[i] = (float)(sum / m);
        }
        return result;
    }

    /// <summary>
    /// TypiClust: cluster <paramref name="members"/> into <paramref name="picks"/> sub-clusters and take the most typical
    /// item of each; the picks come back largest sub-cluster first (so a prefix is the typical items of the densest regions).
    /// </summary>
    public static int[] MostTypicalPerCluster(ReadOnlySpan<float> embeddings, int dim, IReadOnlyList<int> members, int picks, float[] typicality,
        int iterations, ulong seed)
    {
        if (picks <= 0 || members.Count == 0) return [];
        picks = Math.Min(picks, members.Count);
        var assignment = SphericalKMeans.Fit(embeddings, dim, members, picks, iterations, seed);
        var chosen = MostTypicalOfEachCluster(assignment, picks, members, typicality);
        // Empty sub-clusters leave picks unfilled: top up with the most typical members not yet taken.
        if (chosen.Count < picks)
        {
            var taken = chosen.ToHashSet();
            chosen.AddRange(members.Where(m => !taken.Contains(m)).OrderByDescending(m => typicality[m]).ThenBy(m => m).Take(picks - chosen.Count));
        }
        return [.. chosen];
    }

    /// <summary>
    /// The most typical <paramref name="eligible"/> member of each cluster of <paramref name="assignment"/> (ties: the
    /// first in <paramref name="members"/>), largest cluster first; clusters without an eligible member give none.
    /// </summary>
    internal static List<int> MostTypicalOfEachCluster(int[] assignment, int clusters, IReadOnlyList<int> members, float[] typicality,
        Func<int, bool>? eligible = null)
    {
        var best = Enumerable.Repeat(-1, clusters).ToArray();
        var sizes = new int[clusters];
        for (var i = 0; i < members.Count; i++)
        {
            var c = assignment[i];
            sizes[c]++;
            if (eligible?.Invoke(members[i]) == false) continue;
            if (best[c] < 0 || typicality[members[i]] > typicality[members[best[c]]]) best[c] = i;
        }
        return [.. Enumerable.Range(0, clusters).Where(c => best[c] >= 0).OrderByDescending(c => sizes[c]).ThenBy(c => c).Select(c => members[best[c]])];
    }
}
