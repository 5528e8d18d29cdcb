using System.Diagnostics;
using System.Globalization;
using Elfs.Engine;
using Elfs.Engine.Tests.Elfs;

namespace Elfs.Benchmarks.Engine;

/// <summary>
/// End-to-end ElfsSelector.Select on a 60,000 × 256 Gaussian mixture (10 components) for a profile. With
/// --epochs E the TEMI and proxy stages run E epochs and their times are scaled to the profile's epochs (stated).
/// </summary>
internal static class EndToEndSelectBenchmark
{
    public static int Run(string[] args)
    {
        EngineRuntime.Configure(ProfileArguments.Int(args, "--threads", 0));
        var full = ProfileArguments.Parse(args);
        var epochs = ProfileArguments.Int(args, "--epochs", 0);
        var profile = epochs > 0 ? full with { TemiEpochs = epochs, ProxyEpochs = epochs, TemiWarmupEpochs = Math.Min(full.TemiWarmupEpochs, epochs) } : full;
        var rows = ProfileArguments.Int(args, "--rows", 60_000);
        var dim = ProfileArguments.Int(args, "--dim", 256);
        var mixture = GaussianMixture.Create(10, dim, rows / 10, 0, centreScale: 0.5, noise: 1.0, seed: 5);
        var progress = new Progress<StageProgress>(p => { if (p.Stage != "knn") Console.Error.WriteLine($"[{p.Stage}] {p.Step}/{p.Total} {p.Detail}"); });
        var watch = Stopwatch.StartNew();
        var result = ElfsSelector.Select(mixture.Data, mixture.Rows, mixture.Dim,
            new SelectionOptions { Clusters = 10, Fraction = 0.1, Beta = 0.1, Device = "cpu" }, profile, progress);
        var total = watch.Elapsed.TotalSeconds;
        var c = CultureInfo.InvariantCulture;
        var t = result.StageTimings.ToDictionary(p => p.Key, p => p.Value.TotalSeconds);
        var accuracy = HungarianMatching.Accuracy(result.Items.Select(i => i.PseudoLabel).ToArray(), mixture.Labels);
        Console.WriteLine(ProfileArguments.Describe(full));
        Console.WriteLine(string.Join("  ", t.Select(p => string.Create(c, $"{p.Key}={p.Value:F1}s"))) + string.Create(c, $"  total={total:F1}s  peak RSS {PeakMemory.MiB():F0} MiB  accuracy={accuracy:F4} threads={torch.get_num_threads()}"));
        if (epochs > 0)
        {
            var projected = total - t["temi"] - t["dynamics"] + t["temi"] * full.TemiEpochs / epochs + t["dynamics"] * full.ProxyEpochs / epochs;
            Console.WriteLine(string.Create(c, $"measured {epochs} TEMI + {epochs} proxy epochs; extrapolated to {full.TemiEpochs} + {full.ProxyEpochs} epochs: {projected:F0} s ({projected / 3600:F2} h)"));
        }
        return 0;
    }
}
