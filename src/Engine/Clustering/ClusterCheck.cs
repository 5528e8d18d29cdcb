using System.Globalization;

namespace Elfs.Engine.Clustering;

/// <summary>
/// Detects, without labels, a collapsed or k-means-inferior TEMI result (issue 15 item 3). Both partitions are scored on
/// the same kNN graph by modularity (edges inside groups minus chance) and by their group sizes; TEMI's labels are kept
/// unless it collapsed (fewer than K non-empty groups, or size entropy below <see cref="MinSizeEntropy"/>) or k-means
/// has the higher modularity, in which case k-means' labels are used and the reason says so.
/// </summary>
public static class ClusterCheck
{
    /// <summary>Neighbours per item counted as graph edges.</summary>
    public const int Neighbours = 10;

    /// <summary>Normalised size entropy below which a partition counts as collapsed (10 equal groups: 1; one at 50 %, nine sharing the rest: 0.79).</summary>
    public const double MinSizeEntropy = 0.8;

    /// <summary>Scores one partition.</summary>
    public static PartitionQuality Measure(IReadOnlyList<int> labels, int clusters, KnnGraph graph)
    {
        var rows = labels.Count;
        var sizes = new int[clusters];
        foreach (var l in labels) sizes[l]++;
        var entropy = 0.0;
        var chance = 0.0;
        foreach (var s in sizes)
        {
            if (s == 0) continue;
            var p = (double)s / rows;
            entropy -= p * Math.Log(p);
            chance += p * p;
        }
        var m = Math.Min(Neighbours, graph.K);
        long inside = 0;
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < m; j++)
                if (labels[graph.Indices[i * graph.K + j]] == labels[i]) inside++;
        var modularity = (double)inside / ((long)rows * m) - chance;
        return new PartitionQuality(sizes.Count(s => s > 0), clusters > 1 ? entropy / Math.Log(clusters) : 1, (double)sizes.Max() / rows, modularity);
    }

    /// <summary>Chooses between the TEMI and the k-means labels.</summary>
    public static (int[] Labels, ClusterCheckResult Check) Choose(int[] temi, int[] kmeans, int clusters, KnnGraph graph)
    {
        var t = Measure(temi, clusters, graph);
        var k = Measure(kmeans, clusters, graph);
        var c = CultureInfo.InvariantCulture;
        var collapsed = t.NonEmpty < clusters || t.SizeEntropy < MinSizeEntropy;
        if (collapsed)
            return (kmeans, new ClusterCheckResult("kmeans", string.Create(c,
                $"TEMI collapsed ({t.NonEmpty} of {clusters} groups non-empty, largest {100 * t.LargestShare:F0}%, size entropy {t.SizeEntropy:F2} < {MinSizeEntropy}): k-means groups used"), t, k));
        if (k.Modularity > t.Modularity)
            return (kmeans, new ClusterCheckResult("kmeans", string.Create(c,
                $"k-means fits the neighbour graph better than TEMI (modularity {k.Modularity:F3} vs {t.Modularity:F3}): k-means groups used"), t, k));
        return (temi, new ClusterCheckResult("temi", string.Create(c,
            $"TEMI groups used (modularity {t.Modularity:F3} vs k-means {k.Modularity:F3}; {t.NonEmpty} of {clusters} groups non-empty, size entropy {t.SizeEntropy:F2})"), t, k));
    }
}
