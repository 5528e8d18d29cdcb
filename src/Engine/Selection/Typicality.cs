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
    /// TypiClust, nested: <paramref name="picks"/> items, each the most typical of a sub-cluster of <paramref name="members"/>,
    /// ordered so that every prefix is itself a TypiClust pick at a coarser level. The first 5 are TypiClust with 5
    /// sub-clusters, the first 10 add the new regions of TypiClust with 10, then 20, 40, … up to <paramref name="picks"/>
    /// (annotators who stop early have labeled the most typical item of each of as many regions as they labeled).
    /// </summary>
    public static int[] MostTypicalPerCluster(ReadOnlySpan<float> embeddings, int dim, IReadOnlyList<int> members, int picks, float[] typicality,
        int iterations, ulong seed)
    {
        if (picks <= 0 || members.Count == 0) return [];
        picks = Math.Min(picks, members.Count);
        var chosen = new List<int>();
        var taken = new HashSet<int>();
        for (var level = Math.Min(FirstLevel, picks); ; level = Math.Min(2 * level, picks))
        {
            foreach (var item in TypiClust(embeddings, dim, members, level, typicality, iterations, seed))
                if (chosen.Count < level && taken.Add(item)) chosen.Add(item);
            // A region already represented by an earlier level's pick leaves room: the most typical remaining items fill it.
            foreach (var item in members.Where(m => !taken.Contains(m)).OrderByDescending(m => typicality[m]).ThenBy(m => m))
            {
                if (chosen.Count >= level) break;
                taken.Add(item);
                chosen.Add(item);
            }
            if (level == picks) return [.. chosen];
        }
    }

    private const int FirstLevel = 5;

    /// <summary>
    /// Plain TypiClust (Hacohen et al. 2022): cluster <paramref name="members"/> into <paramref name="picks"/> sub-clusters
    /// and take the most typical member of each, largest sub-cluster first (empty sub-clusters are made up by the most
    /// typical members not yet taken).
    /// </summary>
    public static IReadOnlyList<int> TypiClust(ReadOnlySpan<float> embeddings, int dim, IReadOnlyList<int> members, int picks, float[] typicality,
        int iterations, ulong seed)
    {
        var assignment = SphericalKMeans.Fit(embeddings, dim, members, picks, iterations, seed);
        var best = Enumerable.Repeat(-1, picks).ToArray();
        var sizes = new int[picks];
        for (var i = 0; i < members.Count; i++)
        {
            var c = assignment[i];
            sizes[c]++;
            if (best[c] < 0 || typicality[members[i]] > typicality[members[best[c]]]) best[c] = i;
        }
        var chosen = Enumerable.Range(0, picks).Where(c => best[c] >= 0).OrderByDescending(c => sizes[c]).ThenBy(c => c)
            .Select(c => members[best[c]]).ToList();
        // Empty sub-clusters leave picks unfilled: top up with the most typical members not yet taken.
        if (chosen.Count < picks)
        {
            var taken = chosen.ToHashSet();
            chosen.AddRange(members.Where(m => !taken.Contains(m)).OrderByDescending(m => typicality[m]).ThenBy(m => m).Take(picks - chosen.Count));
        }
        return chosen;
    }
}
