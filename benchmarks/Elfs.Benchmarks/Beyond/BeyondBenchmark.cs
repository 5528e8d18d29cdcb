using System.Diagnostics;
using System.Globalization;
using Elfs.Engine;
using Elfs.Engine.Clustering;
using Elfs.Engine.Dynamics;
using Elfs.Engine.Dynamics.Proxies;
using Elfs.Engine.Selection;
using FashionMnist = Elfs.Benchmarks.Engine.FashionMnist;
using Pca = Elfs.Benchmarks.Engine.Pca;

namespace Elfs.Benchmarks.Beyond;

/// <summary>
/// Issue 8 on Fashion-MNIST, scaled to a 2-core CPU: <c>beyond duplicates</c> (threshold choice), <c>beyond beta</c>
/// (β auto vs the best β in hindsight) and <c>beyond proxy</c> (image vs embedding proxy). Embeddings are PCA-128 of
/// the pixels (as the engine's Fashion-MNIST benchmarks); quality is the test accuracy of an MLP trained on the coreset
/// with true labels.
/// Options: --train N (default 3000) --test N (default 2000) --seed S.
/// </summary>
internal static class BeyondBenchmark
{
    private static readonly double[] Fractions = [0.1, 0.3, 0.5];
    private static readonly ProbeSettings Evaluation = new(Epochs: 60, Batch: 128, Hidden: 256, LearningRate: 0.05, MinLearningRate: 1e-4, WeightDecay: 5e-4);

    public static int Run(string[] args)
    {
        EngineRuntime.Configure(null);
        var train = Option(args, "--train", 3000);
        var test = Option(args, "--test", 2000);
        var seed = (ulong)Option(args, "--seed", 0);
        var mode = args.FirstOrDefault() ?? "";
        return mode switch
        {
            "duplicates" => Duplicates(train),
            "beta" => Beta(train, test, seed),
            "proxy" => Proxy(train, test, seed, Option(args, "--image-epochs", 10)),
            "proxy-cost" => ProxyCost(Option(args, "--images", 512)),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: beyond duplicates|beta|proxy|proxy-cost [--train N] [--test N] [--seed S] [--image-epochs E] [--images N]");
        return 2;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private const int Side = 28;

    private sealed record Subset(float[] Images, int[] Labels, int Count)
    {
        public byte[] Bytes() => Images.Select(v => (byte)Math.Round(v * 255)).ToArray();
    }

    private static Subset Load(bool train, int count)
    {
        var all = FashionMnist.Load(train);
        count = Math.Min(count, all.Count);
        return new Subset(all.Images[..(count * FashionMnist.Pixels)], all.Labels[..count], count);
    }

    /// <summary>PCA-128 fitted on the train subset and applied to both subsets (as the engine's Fashion-MNIST benchmarks).</summary>
    private static (float[] Train, float[] Test) PcaEmbeddings(Subset train, Subset test)
    {
        var joint = Pca.Project(train.Images.Concat(test.Images).ToArray(), train.Count + test.Count, FashionMnist.Pixels, Components);
        return (joint[..(train.Count * Components)], joint[(train.Count * Components)..]);
    }

    private const int Components = 128;

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    /// <summary>Plants noisy copies (±8 grey levels) and 1-pixel-shifted copies, then reads both off the kNN graph.</summary>
    private static int Duplicates(int count)
    {
        var data = Load(train: true, count);
        var random = new Random(1);
        const int planted = 200;
        var images = new float[(count + planted) * FashionMnist.Pixels];
        data.Images.CopyTo(images, 0);
        var originals = new int[planted];
        for (var p = 0; p < planted; p++)
        {
            var original = originals[p] = random.Next(count);
            var shifted = p % 2 == 1;
            for (var r = 0; r < Side; r++)
                for (var c = 0; c < Side; c++)
                {
                    var source = data.Images[(original * Side + r) * Side + (shifted ? Math.Max(c - 1, 0) : c)];
                    var value = shifted ? source : source + random.Next(-8, 9) / 255f;
                    images[((count + p) * Side + r) * Side + c] = Math.Clamp(value, 0f, 1f);
                }
        }
        var rows = count + planted;
        Print($"Fashion-MNIST train[0..{count}) + {planted} planted copies (100 with ±8 grey-level noise, 100 shifted by 1 pixel); kNN k=10");
        foreach (var (name, embeddings, dim) in new[] { ("pixels (784-d)", images, FashionMnist.Pixels), ("PCA-128 of pixels", Pca.Project(images, rows, FashionMnist.Pixels, Components), Components) })
        {
            using var x = torch.tensor(embeddings, [rows, dim]);
            var graph = KnnGraph.Build(x, 10);
            Print($"embeddings: {name}");
            Print($"threshold | noisy copies found | shifted copies found | distinct train images with a neighbour above it (of {count})");
            foreach (var t in new[] { 0.95, 0.97, 0.98, 0.99, 0.995 })
            {
                int Found(int parity) => Enumerable.Range(0, planted).Where(p => p % 2 == parity)
                    .Count(p => Enumerable.Range(0, graph.K).Any(j => graph.Indices[(count + p) * graph.K + j] == originals[p] && graph.Similarities[(count + p) * graph.K + j] >= t));
                var distinct = Enumerable.Range(0, count).Count(i => Enumerable.Range(0, graph.K)
                    .Any(j => graph.Indices[i * graph.K + j] < count && graph.Similarities[i * graph.K + j] >= t));
                Print($"{t,9} | {Found(0),15}/100 | {Found(1),17}/100 | {distinct} ({100.0 * distinct / count:F1}%)");
            }
        }
        return 0;
    }

    private sealed record Prepared(Tensor All, int[] TrueLabels, int Train, int[] TestItems, SelectionResult Pipeline, double PipelineSeconds, Subset TrainData);

    private static Prepared Prepare(int train, int test, ulong seed)
    {
        var trainData = Load(train: true, train);
        var testData = Load(train: false, test);
        var (embeddings, testEmbeddings) = PcaEmbeddings(trainData, testData);
        var profile = ElfsProfile.Cpu with { Name = "bench-beyond", Heads = 4, TemiEpochs = 20, TemiBatch = 512, TemiWarmupEpochs = 2, ProxyEpochs = 20 };
        var options = new SelectionOptions { Clusters = 10, Fraction = 0.1, Beta = 0, Seed = seed, Device = "cpu", DuplicateThreshold = null };
        var watch = Stopwatch.StartNew();
        var result = ElfsSelector.Select(embeddings, train, Components, options, profile);
        var seconds = watch.Elapsed.TotalSeconds;
        var all = torch.tensor(embeddings.Concat(testEmbeddings).ToArray(), [train + test, Components]).DetachFromDisposeScope();
        var labels = trainData.Labels.Concat(testData.Labels).ToArray();
        Print($"Fashion-MNIST train[0..{train}) test[0..{test}), PCA-128 of pixels, profile cpu scaled (heads 4, TEMI 20 epochs, proxy 20 epochs); pipeline {seconds:F0} s");
        return new Prepared(all, labels, train, Enumerable.Range(train, test).ToArray(), result, seconds, trainData);
    }

    private static double Accuracy(Prepared p, int[] coreset, ulong seed) =>
        PseudoLabelProbe.TrainAndScore(p.All, p.TrueLabels, 10, coreset, p.TestItems, Evaluation, seed);

    private static double[] AccuracyPerBeta(Prepared p, float[] aum, double fraction, IReadOnlyList<double> grid, ulong seed)
    {
        var budget = BudgetCounts.RoundHalfUp(fraction, p.Train);
        return grid.Select(b => Accuracy(p, DoubleEndPruning.Select(aum, BudgetCounts.RoundHalfUp(b, p.Train), budget), seed)).ToArray();
    }

    private static int Beta(int train, int test, ulong seed)
    {
        var p = Prepare(train, test, seed);
        var labels = p.Pipeline.Items.Select(i => i.PseudoLabel).ToArray();
        var aum = p.Pipeline.Items.Select(i => i.Aum).ToArray();
        using var x = p.All.narrow(0, 0, train);
        Print($"fraction | beta auto (held-out pseudo-label acc per beta) | test acc at auto | best beta in hindsight | test acc at best | lost | random subset acc | search s");
        foreach (var fraction in Fractions)
        {
            var watch = Stopwatch.StartNew();
            var search = BetaSearch.Choose(x, labels, aum, 10, fraction, ProbeSettings.From(ElfsProfile.Cpu with { ProxyEpochs = 20 }), seed);
            var searchSeconds = watch.Elapsed.TotalSeconds;
            var accuracies = AccuracyPerBeta(p, aum, fraction, search.Candidates, seed);
            var best = Array.IndexOf(accuracies, accuracies.Max());
            var auto = search.Candidates.ToList().IndexOf(search.Beta);
            var random = Accuracy(p, SeedPermutation(train, seed).Take(BudgetCounts.RoundHalfUp(fraction, train)).ToArray(), seed);
            var perBeta = string.Join(" ", search.Candidates.Select((b, k) => FormattableString.Invariant($"{b:0.0}:{100 * search.Accuracies[k]:F1}/{100 * accuracies[k]:F1}")));
            Print($"{fraction,8} | {search.Beta:0.0} | {100 * accuracies[auto]:F1} | {search.Candidates[best]:0.0} | {100 * accuracies[best]:F1} | {100 * (accuracies[best] - accuracies[auto]):F1} pp | {100 * random:F1} | {searchSeconds:F0}");
            Print($"         per beta (pseudo-label held-out % / true test %): {perBeta}");
        }
        return 0;
    }

    private static int[] SeedPermutation(int n, ulong seed)
    {
        var p = Enumerable.Range(0, n).ToArray();
        new Random((int)seed + 17).Shuffle(p);
        return p;
    }

    /// <summary>Seconds per image-epoch of each image proxy (one epoch on <paramref name="count"/> train images, batch 128).</summary>
    private static int ProxyCost(int count)
    {
        var data = Load(train: true, count);
        using var store = ImageStore.FromBytes(data.Bytes(), count, 1, Side, Side);
        foreach (var architecture in new[] { ImageArchitecture.SmallCnn, ImageArchitecture.ResNet18 })
        {
            var watch = Stopwatch.StartNew();
            new ImageProxyTrainer(store, new ImageProxySettings { Architecture = architecture, Epochs = 1, Batch = 128 }, torch.CPU)
                .Train(data.Labels, 10, new TrainingDynamicsRecorder(data.Labels), 0);
            var perImage = watch.Elapsed.TotalSeconds / count;
            Print($"{architecture}: {1000 * perImage:F2} ms per image-epoch on 28x28 (1 epoch, {count} images, batch 128); 60,000 images x 200 epochs would take {perImage * 60000 * 200 / 3600:F0} h");
        }
        return 0;
    }

    private static int Proxy(int train, int test, ulong seed, int imageEpochs)
    {
        var p = Prepare(train, test, seed);
        var labels = p.Pipeline.Items.Select(i => i.PseudoLabel).ToArray();
        var embeddingAum = p.Pipeline.Items.Select(i => i.Aum).ToArray();
        var embeddingSeconds = p.Pipeline.StageTimings["dynamics"].TotalSeconds;
        using var store = ImageStore.FromBytes(p.TrainData.Bytes(), train, 1, Side, Side);
        var recorder = new TrainingDynamicsRecorder(labels);
        var settings = new ImageProxySettings { Architecture = ImageArchitecture.SmallCnn, Epochs = imageEpochs, Batch = 128, LearningRate = 0.05, Flip = true };
        var watch = Stopwatch.StartNew();
        new ImageProxyTrainer(store, settings, torch.CPU).Train(labels, 10, recorder, seed);
        var imageSeconds = watch.Elapsed.TotalSeconds;
        var imageAum = recorder.Scores().Aum;
        Print($"proxy cost: embedding MLP 20 epochs {embeddingSeconds:F1} s; image SmallCnn {imageEpochs} epochs {imageSeconds:F1} s");
        Print($"fraction | embedding proxy: best beta, test acc (per beta) | image proxy: best beta, test acc (per beta)");
        var grid = new[] { 0.0, 0.1, 0.2, 0.3 };
        foreach (var fraction in Fractions)
        {
            var e = AccuracyPerBeta(p, embeddingAum, fraction, grid, seed);
            var i = AccuracyPerBeta(p, imageAum, fraction, grid, seed);
            string Row(double[] a) => FormattableString.Invariant($"{grid[Array.IndexOf(a, a.Max())]:0.0}, {100 * a.Max():F1} ({string.Join(" ", a.Select(v => FormattableString.Invariant($"{100 * v:F1}")))})");
            Print($"{fraction,8} | {Row(e)} | {Row(i)}");
        }
        return 0;
    }
}
