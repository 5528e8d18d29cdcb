using System.Globalization;
using Elfs.Engine;
using Elfs.Engine.Tests.Elfs;

namespace Elfs.Benchmarks.Engine;

/// <summary>
/// Pseudo-label quality on Fashion-MNIST (60,000 train images, PCA-128 pixel embeddings): Hungarian-matched accuracy
/// and NMI against the true labels (for reporting only), with stage timings. --scores-out writes index,pseudo_label,aum
/// for the pruning table.
/// </summary>
internal static class FashionQualityBenchmark
{
    public static int Run(string[] args)
    {
        EngineRuntime.Configure(ProfileArguments.Int(args, "--threads", 0));
        var profile = ProfileArguments.Parse(args);
        var train = FashionMnist.Load(train: true);
        var embeddings = FashionEmbeddings.Load(train);
        var progress = new Progress<StageProgress>(p => { if (p.Stage != "knn") Console.Error.WriteLine($"[{p.Stage}] {p.Step}/{p.Total} {p.Detail}"); });
        var result = ElfsSelector.Select(embeddings.Data, embeddings.Rows, embeddings.Cols,
            new SelectionOptions { Clusters = 10, Fraction = 0.1, Beta = 0.1, Device = "cpu", Seed = (ulong)ProfileArguments.Int(args, "--seed", 0) }, profile, progress);
        var labels = result.Items.Select(i => i.PseudoLabel).ToArray();
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(ProfileArguments.Describe(profile));
        Console.WriteLine(string.Create(c,
            $"fashion-mnist train n={train.Count} pca={FashionEmbeddings.Components}: accuracy={HungarianMatching.Accuracy(labels, train.Labels):F4} nmi={Nmi.Compute(labels, train.Labels):F4} clusters_used={labels.Distinct().Count()}"));
        Console.WriteLine(string.Join("  ", result.StageTimings.Select(p => string.Create(c, $"{p.Key}={p.Value.TotalSeconds:F1}s"))) + string.Create(c, $"  peak RSS {PeakMemory.MiB():F0} MiB threads={torch.get_num_threads()}"));
        if (ProfileArguments.Value(args, "--scores-out") is { } path)
            File.WriteAllLines(path, ["index,pseudo_label,aum", .. result.Items.Select(i => string.Create(c, $"{i.Index},{i.PseudoLabel},{i.Aum:R}"))]);
        return 0;
    }
}
