
namespace Elfs.Benchmarks;

/// <summary>Label-aware quality of an embedding (benchmarks only): cosine k-NN label agreement and k-means ACC/NMI.</summary>
internal static class EmbeddingQuality
{
    /// <summary>Fraction of the k cosine neighbours (self excluded) sharing the query's label, and k-NN vote accuracy, over seeded queries.</summary>
    public static (double Agreement, double Vote) KnnAgreement(Tensor x, int[] labels, int k, int queries, ulong seed)
    {
        using var scope = torch.NewDisposeScope();
        var n = x.shape[0];
        var unit = torch.nn.functional.normalize(x, 2, 1);
        using var g = new Generator(seed, torch.CPU);
        var picked = torch.randperm(n, generator: g).narrow(0, 0, Math.Min(queries, n));
        var order = picked.ToArray<long>();
        long same = 0, votes = 0;
        var classes = labels.Max() + 1;
        for (var start = 0; start < order.Length; start += 1000)
        {
            using var inner = torch.NewDisposeScope();
            var count = Math.Min(1000, order.Length - start);
            var index = picked.narrow(0, start, count);
            var sims = unit.index_select(0, index).mm(unit.t());
            sims = sims.scatter(1, index.view([count, 1]), torch.full([count, 1], double.NegativeInfinity));
            var (_, nn) = sims.topk(k, 1);
            var neighbours = nn.ToArray<long>();
            for (var q = 0; q < count; q++)
            {
                var label = labels[order[start + q]];
                var tally = new int[classes];
                for (var j = 0; j < k; j++) tally[labels[neighbours[q * k + j]]]++;
                same += tally[label];
                if (Array.IndexOf(tally, tally.Max()) == label) votes++;
            }
        }
        return ((double)same / (order.Length * k), (double)votes / order.Length);
    }

    /// <summary>Best-of-<paramref name="restarts"/> k-means (k-means++ seeding, Lloyd) on L2-normalised rows: Hungarian ACC and NMI.</summary>
    public static (double Acc, double Nmi) KMeans(Tensor x, int[] labels, int clusters, int restarts, ulong seed)
    {
        using var scope = torch.NewDisposeScope();
        var unit = torch.nn.functional.normalize(x, 2, 1);
        int[]? best = null;
        var bestInertia = double.MaxValue;
        for (var r = 0; r < restarts; r++)
        {
            using var inner = torch.NewDisposeScope();
            var (assign, inertia) = Lloyd(unit, clusters, seed + (ulong)r);
            if (inertia < bestInertia) (bestInertia, best) = (inertia, assign);
        }
        return (Accuracy(best!, labels, clusters), Nmi(best!, labels));
    }

    private static (int[] Assign, double Inertia) Lloyd(Tensor x, int k, ulong seed)
    {
        using var g = new Generator(seed, torch.CPU);
        var n = x.shape[0];
        var squared = x.pow(2).sum(1, keepdim: true);
        var first = torch.randint(0, n, [1], generator: g);
        var centers = x.index_select(0, first);
        for (var c = 1; c < k; c++)
        {
            var d = (squared - 2 * x.mm(centers.t()) + centers.pow(2).sum(1).unsqueeze(0)).clamp(0, null).min(1).values;
            var next = torch.multinomial(d / d.sum(), 1, false, g);
            centers = torch.cat([centers, x.index_select(0, next)], 0);
        }
        Tensor assign = torch.zeros([n], ScalarType.Int64);
        double inertia = 0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var distances = squared - 2 * x.mm(centers.t()) + centers.pow(2).sum(1).unsqueeze(0);
            var (values, indexes) = distances.min(1);
            inertia = values.sum().item<float>();
            var changed = iteration == 0 || indexes.ne(assign).any().item<bool>();
            assign = indexes;
            if (!changed) break;
            var sums = torch.zeros([k, x.shape[1]]).index_add(0, assign, x, 1);
            var counts = assign.bincount(k).to(ScalarType.Float32).clamp(1, null).unsqueeze(1);
            centers = sums / counts;
        }
        return (assign.ToArray<long>().Select(v => (int)v).ToArray(), inertia);
    }

    // Exact maximum-weight matching of clusters to labels by dynamic programming over label subsets (k <= 16).
    private static double Accuracy(int[] assign, int[] labels, int k)
    {
        var classes = Math.Max(k, labels.Max() + 1);
        var confusion = new long[classes, classes];
        for (var i = 0; i < assign.Length; i++) confusion[assign[i], labels[i]]++;
        var dp = new long[1 << classes];
        Array.Fill(dp, -1);
        dp[0] = 0;
        for (var mask = 0; mask < (1 << classes); mask++)
        {
            if (dp[mask] < 0) continue;
            var cluster = System.Numerics.BitOperations.PopCount((uint)mask);
            if (cluster >= classes) continue;
            for (var label = 0; label < classes; label++)
                if ((mask & (1 << label)) == 0)
                    dp[mask | (1 << label)] = Math.Max(dp[mask | (1 << label)], dp[mask] + confusion[cluster, label]);
        }
        return (double)dp[(1 << classes) - 1] / assign.Length;
    }

    private static double Nmi(int[] a, int[] b)
    {
        var n = (double)a.Length;
        var joint = new Dictionary<(int, int), int>();
        var ca = new Dictionary<int, int>();
        var cb = new Dictionary<int, int>();
        for (var i = 0; i < a.Length; i++)
        {
            joint[(a[i], b[i])] = joint.GetValueOrDefault((a[i], b[i])) + 1;
            ca[a[i]] = ca.GetValueOrDefault(a[i]) + 1;
            cb[b[i]] = cb.GetValueOrDefault(b[i]) + 1;
        }
        var mi = joint.Sum(p => p.Value / n * Math.Log(p.Value * n / ((double)ca[p.Key.Item1] * cb[p.Key.Item2])));
        double Entropy(Dictionary<int, int> c) => -c.Values.Sum(v => v / n * Math.Log(v / n));
        return mi / ((Entropy(ca) + Entropy(cb)) / 2);
    }
}
