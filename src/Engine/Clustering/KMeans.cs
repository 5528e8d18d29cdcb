using Elfs.Engine.Training;

namespace Elfs.Engine.Clustering;

/// <summary>Seeded k-means (k-means++ initialisation, Lloyd iterations) with all distance work as tensor ops.</summary>
public static class KMeans
{
    /// <summary>Clusters rows × D embeddings (on the compute device) into <paramref name="k"/> groups.</summary>
    public static KMeansResult Fit(Tensor x, int k, int iterations, ulong seed, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var rows = (int)x.size(0);
        var random = SeedStreams.Random(seed, "kmeans");
        using var outer = torch.NewDisposeScope();
        var squaredNorms = x.square().sum(1);
        var centroids = InitPlusPlus(x, squaredNorms, k, random);
        Tensor assignment = torch.zeros([rows], torch.int64, x.device);
        Tensor best = squaredNorms;
        for (var it = 0; it <= iterations; it++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            var d2 = SquaredDistances(x, squaredNorms, centroids);
            var (minValues, minIndex) = d2.min(1);
            var changed = it == 0 || minIndex.ne(assignment).any().item<bool>();
            assignment = scope.MoveToOuter(minIndex);
            best = scope.MoveToOuter(minValues);
            if (!changed || it == iterations) break;
            var sums = torch.zeros([k, x.size(1)], device: x.device).index_add(0, assignment, x, 1);
            var counts = torch.zeros([k], device: x.device).index_add(0, assignment, torch.ones([rows], device: x.device), 1);
            var empty = counts.eq(0).unsqueeze(1);
            var updated = torch.where(empty, centroids, sums / counts.clamp_min(1).unsqueeze(1));
            centroids = scope.MoveToOuter(updated);
            progress?.Report(new StageProgress("kmeans", it + 1, iterations, null));
        }
        var labels = assignment.cpu().ToArray<long>().Select(l => (int)l).ToArray();
        var distances = best.clamp_min(0).sqrt().cpu().ToArray<float>();
        return new KMeansResult(labels, distances);
    }

    private static Tensor SquaredDistances(Tensor x, Tensor squaredNorms, Tensor centroids) =>
        squaredNorms.unsqueeze(1) - 2 * x.mm(centroids.t()) + centroids.square().sum(1).unsqueeze(0);

    // k-means++: the first centre uniformly, each next one with probability proportional to D² (drawn in C#, seeded).
    private static Tensor InitPlusPlus(Tensor x, Tensor squaredNorms, int k, Random random)
    {
        var rows = (int)x.size(0);
        var chosen = new List<long> { random.Next(rows) };
        var closest = SquaredDistances(x, squaredNorms, x.index_select(0, torch.tensor(chosen.ToArray(), [1L]).to(x.device)))
            .squeeze(1).clamp_min(0);
        for (var c = 1; c < k; c++)
        {
            var weights = closest.cpu().ToArray<float>();
            var total = weights.Sum(w => (double)w);
            long pick;
            if (total <= 0) pick = random.Next(rows);
            else
            {
                var target = random.NextDouble() * total;
                var acc = 0.0;
                pick = rows - 1;
                for (var i = 0; i < rows; i++)
                {
                    acc += weights[i];
                    if (acc >= target) { pick = i; break; }
                }
            }
            chosen.Add(pick);
            var d = SquaredDistances(x, squaredNorms, x.index_select(0, torch.tensor(new[] { pick }, [1L]).to(x.device))).squeeze(1).clamp_min(0);
            closest = closest.minimum(d);
        }
        return x.index_select(0, torch.tensor(chosen.ToArray(), [k]).to(x.device));
    }
}
