using System.Diagnostics;
using System.Globalization;
using Elfs.Engine.Encoders;
using Elfs.Engine.IO;

namespace Elfs.Benchmarks;

/// <summary>
/// Fashion-MNIST train: 20-NN cosine label agreement / vote (seeded queries) and k-means ACC / NMI (L2-normalised, K=10,
/// best of 3 seeded restarts) of each weight-free candidate. Options: --limit N, --queries Q, --with-random-conv,
/// --only-projections (just the seeded-projection rows).
/// </summary>
internal static class EncoderQualityBenchmark
{
    public static int Run(string[] args)
    {
        EngineRuntime.Configure(null);
        var limit = IntOption(args, "--limit", 60_000);
        var queries = IntOption(args, "--queries", 10_000);
        var data = FashionMnist.Load("train", limit);
        var labels = data.Labels.Select(l => (int)l).ToArray();
        using var images = torch.tensor(data.Pixels.Select(p => p / 255f).ToArray(), [data.Count, 28, 28]);
        using var builtin = new BuiltinEncoder();
        var candidates = new List<(string Name, Func<Tensor> Encode)>
        {
            ("pixels (784)", () => WeightFreeCandidates.Pixels(images)),
            ("pixels -> PCA 64 (fitted on these images)", () => { using var p = WeightFreeCandidates.Pixels(images); return WeightFreeCandidates.Pca(p, 64); }),
            ("HOG4s+HOG7s (3240)", () => WeightFreeCandidates.Hog(images)),
            ("HOG4s+HOG7s -> seeded Gaussian projection 256 (built-in default, nothing fitted)", () => WeightFreeCandidates.BuiltinDefault(images, builtin)),
            ("HOG4s+HOG7s -> seeded Gaussian projection 512 (nothing fitted)", () => WeightFreeCandidates.HogProjected(images, 512, 20260101)),
            ("HOG4s+HOG7s -> PCA 256 (fitted on these images)", () => { using var h = WeightFreeCandidates.Hog(images); return WeightFreeCandidates.Pca(h, 256); }),
        };
        if (args.Contains("--only-projections")) candidates.RemoveAll(c => !c.Name.Contains("projection", StringComparison.Ordinal));
        if (args.Contains("--with-random-conv")) candidates.Add(("random conv 64->128, 4x4 avg-pool (2048), seed 0", () => WeightFreeCandidates.RandomConv(images, 0)));
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"Fashion-MNIST train, {data.Count} images, {queries} seeded 20-NN queries (seed 0), k-means K=10 best of 3 restarts (seeds 0-2) on L2-normalised rows, {torch.get_num_threads()} threads"));
        Console.WriteLine("| Candidate | Dim | Encode s | 20-NN agree | 20-NN vote | k-means ACC | k-means NMI |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, encode) in candidates)
        {
            var clock = Stopwatch.StartNew();
            using var x = encode();
            var seconds = clock.Elapsed.TotalSeconds;
            var (agree, vote) = EmbeddingQuality.KnnAgreement(x, labels, 20, queries, 0);
            var (acc, nmi) = EmbeddingQuality.KMeans(x, labels, 10, 3, 0);
            Console.WriteLine(string.Create(c, $"| {name} | {x.shape[1]} | {seconds:F1} | {agree:F3} | {vote:F3} | {acc:F3} | {nmi:F3} |"));
        }
        return 0;
    }

    internal static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
