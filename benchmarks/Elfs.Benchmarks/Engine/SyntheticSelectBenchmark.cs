using System.Globalization;
using Elfs.Engine;
using Elfs.Engine.Tests.Elfs;

namespace Elfs.Benchmarks.Engine;

/// <summary>ELFS on a Gaussian mixture: stage timings, Hungarian accuracy, mean AUM of planted ambiguous points vs cores.</summary>
internal static class SyntheticSelectBenchmark
{
    public static int Run(string[] args)
    {
        EngineRuntime.Configure(ProfileArguments.Int(args, "--threads", 0));
        var profile = ProfileArguments.Parse(args);
        var k = ProfileArguments.Int(args, "--clusters", 5);
        var mixture = GaussianMixture.Create(k, ProfileArguments.Int(args, "--dim", 32), ProfileArguments.Int(args, "--per-cluster", 600),
            ProfileArguments.Int(args, "--ambiguous", 150), seed: ProfileArguments.Int(args, "--data-seed", 7));
        var options = new SelectionOptions { Clusters = k, Fraction = 0.3, Beta = 0.1, Seed = (ulong)ProfileArguments.Int(args, "--seed", 11), Device = "cpu" };
        Console.WriteLine(ProfileArguments.Describe(profile));
        using (var x = torch.tensor(mixture.Data, [mixture.Rows, mixture.Dim]))
        {
            var graph = Elfs.Engine.Clustering.KnnGraph.Build(x, profile.KnnNeighbours);
            var same = 0; var total = 0;
            for (var i = 0; i < mixture.Rows; i++)
                for (var j = 0; j < graph.K; j++)
                    if (mixture.Labels[i] >= 0) { total++; if (mixture.Labels[graph.Indices[i * graph.K + j]] == mixture.Labels[i]) same++; }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"knn purity (cores) {(double)same / total:F4}"));
        }
        var result = ElfsSelector.Select(mixture.Data, mixture.Rows, mixture.Dim, options, profile);
        var c = CultureInfo.InvariantCulture;
        var accuracy = HungarianMatching.Accuracy(result.Items.Select(i => i.PseudoLabel).ToArray(), mixture.Labels);
        var ambiguous = result.Items.Where(i => mixture.Ambiguous[i.Index]).Average(i => i.Aum);
        var cores = result.Items.Where(i => !mixture.Ambiguous[i.Index]).Average(i => i.Aum);
        Console.WriteLine(string.Create(c, $"rows={mixture.Rows} accuracy={accuracy:F4} aum_ambiguous={ambiguous:F2} aum_cores={cores:F2}"));
        Console.WriteLine(string.Join("  ", result.StageTimings.Select(t => string.Create(c, $"{t.Key}={t.Value.TotalSeconds:F2}s"))));
        return 0;
    }
}
