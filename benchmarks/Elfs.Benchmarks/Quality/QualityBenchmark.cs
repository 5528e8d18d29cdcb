using System.Diagnostics;
using System.Globalization;
using System.Text;
using Elfs.Benchmarks.Engine;
using FashionMnist = Elfs.Benchmarks.Engine.FashionMnist;
using Elfs.Engine;
using Elfs.Engine.Clustering;
using Elfs.Engine.Selection;
using Elfs.Engine.Tests.Elfs;

namespace Elfs.Benchmarks.Quality;

/// <summary>
/// Issue 15's quality benchmark: for a seeded pool of Fashion-MNIST training images (built-in encoder vectors), each
/// method selects a queue per budget (scored once per selection seed), a small CNN is trained from scratch WITH THE TRUE
/// LABELS on the chosen images for a fixed number of SGD steps, and test accuracy on the 10k test split is reported as
/// mean ± std over selection seeds × training seeds. Also: prefixes of the default queue against random subsets of the
/// same size, pseudo-label accuracy/NMI and the class balance of each selection. Every training result is appended to
/// a CSV in the cache folder, so an interrupted run resumes where it stopped; each seed's scores are cached there too
/// (<see cref="ScoresCache"/>; <c>--rescore</c> recomputes them), and <c>--tag NAME</c> writes the training results to a
/// CSV of their own, so an experiment with the selection code reuses the scores without mixing its results into the
/// committed run's.
/// </summary>
internal static class QualityBenchmark
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        EngineRuntime.Configure(ProfileArguments.Int(args, "--threads", 0));
        var poolSize = ProfileArguments.Int(args, "--pool", 20_000);
        var seeds = ProfileArguments.Int(args, "--seeds", 3);
        var trainSeeds = ProfileArguments.Int(args, "--train-seeds", 2);
        var steps = ProfileArguments.Int(args, "--steps", 500);
        var batch = ProfileArguments.Int(args, "--batch", 128);
        var augment = !args.Contains("--no-augment");
        var budgets = List(args, "--budgets", "0.5,1,2,5,10,20,30");
        var betas = List(args, "--betas", "0,0.1,0.3");
        var prefixBudgets = List(args, "--prefix-budgets", "10,20");
        var typiclustMax = ProfileArguments.Double(args, "--typiclust-max", 10) / 100;
        var only = ProfileArguments.Value(args, "--methods")?.Split(';');
        var cacheFolder = ProfileArguments.Value(args, "--cache") ?? Path.Combine("artifacts", "quality");
        var outPath = ProfileArguments.Value(args, "--out") ?? Path.Combine("benchmarks", "results", "quality.md");
        var profile = ProfileArguments.Parse(args);
        Directory.CreateDirectory(cacheFolder);
        var pool = QualityPool.Load(poolSize, cacheFolder);
        var test = FashionMnist.Load(train: false);
        var n = pool.Count;
        var methods = QualityMethods.Names(betas).Where(m => only is null || only.Contains(m)).ToArray();
        // --tag keeps an experiment's results apart from the committed run's (same pool and scores cache).
        var tag = ProfileArguments.Value(args, "--tag") is { } name ? "-" + name : "";
        var store = new QualityResults(Path.Combine(cacheFolder, string.Create(C, $"results-pool{n}-steps{steps}-batch{batch}{(augment ? "-aug" : "")}{tag}.csv")));
        var pseudo = new List<string>();
        var balance = new Dictionary<(string, double), string>();
        var watch = Stopwatch.StartNew();
        for (var s = 0; s < seeds; s++)
        {
            var seed = (ulong)s;
            var context = Score(pool, seed, profile, cacheFolder, args.Contains("--rescore"));
            pseudo.Add(string.Create(C, $"| {s} | {context.Scores.Clustering?.Used ?? "-"} | {100 * HungarianMatching.Accuracy(context.Scores.Labels, pool.Images.Labels):F1} | {100 * Nmi.Compute(context.Scores.Labels, pool.Images.Labels):F1} | {100 * HungarianMatching.Accuracy(context.KMeansLabels, pool.Images.Labels):F1} | {string.Join(" ", Sizes(context.Scores.Labels))} |"));
            Console.Error.WriteLine($"seed {s}: scored after {watch.Elapsed.TotalMinutes:F1} min; {context.Scores.Clustering?.Reason}");
            void Train(string method, int[] queue, int size)
            {
                for (var t = 0; t < trainSeeds; t++)
                {
                    if (store.Has(method, size, s, t)) continue;
                    var accuracy = SmallCnn.TrainAndTest(pool.Images, queue[..size], test, steps, batch, 0.05, (ulong)(100 + t), augment);
                    store.Add(method, size, s, t, accuracy);
                    Console.Error.WriteLine(string.Create(C, $"{method},{size},{s},{t},{accuracy:F4}  ({watch.Elapsed.TotalMinutes:F1} min)"));
                }
            }
            foreach (var b in budgets)
            {
                var queues = new Dictionary<string, int[]>();
                foreach (var method in methods)
                {
                    var size = Size(b, n);
                    if (store.HasAll(method, size, s, trainSeeds) && s > 0) continue;
                    var queue = QualityMethods.Select(method, size, context, typiclustMax);
                    if (queue is null) continue;
                    queues[method] = queue;
                    if (s == 0) balance[(method, b)] = Balance(queue, pool.Images.Labels);
                    // The default picks one of the forced strategies: the same queue needs no second training.
                    var same = queues.FirstOrDefault(q => q.Key != method && q.Value.SequenceEqual(queue)).Key;
                    if (method == QualityMethods.Default && same is not null && store.HasAll(same, queue.Length, s, trainSeeds))
                    {
                        for (var t = 0; t < trainSeeds; t++) if (!store.Has(method, queue.Length, s, t)) store.Add(method, queue.Length, s, t, store.Get(same, queue.Length, s, t));
                        Console.Error.WriteLine($"{method} at {b}% = {same}");
                        continue;
                    }
                    Train(method, queue, queue.Length);
                }
            }
            foreach (var b in prefixBudgets)
            {
                var full = QualityMethods.Select(QualityMethods.Default, Size(b, n), context, typiclustMax)!;
                foreach (var size in Prefixes(full.Length))
                {
                    Train(PrefixName(b), full, size);
                    if (!store.HasAll("random", size, s, trainSeeds)) Train("random", RandomSelection.Select(n, size, seed), size);
                }
            }
        }
        var report = Report(CommandLine(args), watch.Elapsed, store, methods, budgets, prefixBudgets, n, seeds, trainSeeds, pseudo, balance, steps, batch, augment, profile);
        File.WriteAllText(outPath, report);
        var chart = Path.ChangeExtension(outPath, ".svg");
        File.WriteAllText(chart, QualityChart.Svg(budgets, methods.Select(m => (m, budgets.Select(b => store.Mean(m, Size(b, n)))
            .Select(v => v is { } x ? (double?)(100 * x) : null).ToArray())).ToArray()));
        Console.WriteLine(report);
        Console.Error.WriteLine($"wrote {outPath} and {chart} in {watch.Elapsed.TotalMinutes:F1} min");
        return 0;
    }

    private static SeedContext Score(QualityPool pool, ulong seed, ElfsProfile profile, string cacheFolder, bool recompute)
    {
        var (scores, kmeans) = ScoresCache.LoadOrCompute(cacheFolder, pool.Vectors, pool.Count, pool.Dim, seed, profile, recompute, () =>
        {
            var progress = new Progress<StageProgress>(p => { if (p.Stage is "clusters" or "selection") Console.Error.WriteLine($"[{p.Stage}] {p.Detail}"); });
            var options = new SelectionOptions { Method = SelectionMethod.Auto, Clusters = 10, Seed = seed, Device = "cpu", Count = 1 };
            var computed = ElfsSelector.Score(pool.Vectors, pool.Count, pool.Dim, options, profile, progress);
            using var scope = torch.NewDisposeScope();
            var x = torch.nn.functional.normalize(torch.tensor(pool.Vectors, [pool.Count, pool.Dim]), 2, 1);
            return (computed, KMeans.Fit(x, 10, profile.KMeansIterations, BenchmarkSeeds.Derive(seed, "benchmark-kmeans")).Labels);
        });
        return new SeedContext(seed, scores, kmeans, Typicality.Compute(scores.Knn!), pool.Images.Labels);
    }

    private static string Report(string command, TimeSpan elapsed, QualityResults store, string[] methods, double[] budgets, double[] prefixBudgets, int n, int seeds, int trainSeeds,
        List<string> pseudo, Dictionary<(string, double), string> balance, int steps, int batch, bool augment, ElfsProfile profile)
    {
        var md = new StringBuilder();
        md.AppendLine("# Queue quality vs budget (issue 15)");
        md.AppendLine();
        md.AppendLine(string.Create(C, $"Written by the benchmark itself ({elapsed.TotalMinutes:F0} min this run, on {Environment.ProcessorCount} cores; results and scores resume from the cache folder). Command:"));
        md.AppendLine();
        md.AppendLine("```");
        md.AppendLine(command);
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("The chart: [quality.svg](quality.svg).");
        md.AppendLine();
        md.AppendLine(string.Create(C, $"Pool: {n} Fashion-MNIST training images (seeded), built-in encoder vectors, `{profile.Name}` profile, 10 clusters. Evaluation: small CNN from scratch on the TRUE labels of each selection, {steps} SGD steps of batch {batch}, {(augment ? "augmented (random crop with 2-pixel reflect padding, horizontal flip)" : "no augmentation")}; test accuracy (%) on the 10k test split, mean ± std over {seeds} selection seeds × {trainSeeds} training seeds."));
        md.AppendLine();
        md.AppendLine("| method | " + string.Join(" | ", budgets.Select(b => string.Create(C, $"{b}% ({Size(b, n)})"))) + " |");
        md.AppendLine("|---|" + string.Concat(budgets.Select(_ => "---|")));
        foreach (var m in methods)
            md.AppendLine($"| {m} | " + string.Join(" | ", budgets.Select(b => store.Cell(m, Size(b, n)))) + " |");
        md.AppendLine("| default − random (pp) | " + string.Join(" | ", budgets.Select(b =>
            store.Mean(QualityMethods.Default, Size(b, n)) is { } d && store.Mean("random", Size(b, n)) is { } r ? Points(d - r) : "–")) + " |");
        md.AppendLine("| standard error of that difference (pp) | " + string.Join(" | ", budgets.Select(b =>
            store.StandardError(QualityMethods.Default, Size(b, n)) is { } d && store.StandardError("random", Size(b, n)) is { } r ? (100 * Math.Sqrt(d * d + r * r)).ToString("F1", C) : "–")) + " |");
        md.AppendLine("| spread of random's seed means (pp) | " + string.Join(" | ", budgets.Select(b => store.SeedSpread("random", Size(b, n)))) + " |");
        md.AppendLine("| best other label-free method | " + string.Join(" | ", budgets.Select(b => BestLabelFree(store, methods, Size(b, n)) is { } best ? string.Create(C, $"{best.Method} {100 * best.Mean:F1}") : "–")) + " |");
        md.AppendLine("| default − best other label-free (pp) | " + string.Join(" | ", budgets.Select(b =>
            store.Mean(QualityMethods.Default, Size(b, n)) is { } d && BestLabelFree(store, methods, Size(b, n)) is { } best ? Points(d - best.Mean) : "–")) + " |");
        md.AppendLine();
        md.AppendLine("Prefixes of the default queue (annotators stop early) against random subsets of the same size:");
        md.AppendLine();
        md.AppendLine("| queue | prefix | items | default prefix | random | difference (pp) |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var b in prefixBudgets)
            foreach (var (share, size) in new[] { 10, 25, 50 }.Zip(Prefixes(Size(b, n))))
            {
                var p = store.Mean(PrefixName(b), size);
                var r = store.Mean("random", size);
                md.AppendLine(string.Create(C, $"| {b}% | first {share}% | {size} | {store.Cell(PrefixName(b), size)} | {store.Cell("random", size)} | {(p is { } x && r is { } y ? Points(x - y) : "–")} |"));
            }
        md.AppendLine();
        md.AppendLine("Pseudo-labels per selection seed (Hungarian-matched accuracy and NMI against the true classes, %, for reporting only):");
        md.AppendLine();
        md.AppendLine("| seed | clustering used | ACC | NMI | plain k-means ACC | group sizes |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var line in pseudo) md.AppendLine(line);
        md.AppendLine();
        md.AppendLine("True-class counts of each selection (seed 0), min–max over the 10 classes:");
        md.AppendLine();
        md.AppendLine("| method | " + string.Join(" | ", budgets.Select(b => string.Create(C, $"{b}%"))) + " |");
        md.AppendLine("|---|" + string.Concat(budgets.Select(_ => "---|")));
        foreach (var m in methods)
            md.AppendLine($"| {m} | " + string.Join(" | ", budgets.Select(b => balance.GetValueOrDefault((m, b), "–"))) + " |");
        return md.ToString();
    }

    // The best mean among the methods that use no labels, other than the default itself (the issue's "within 0.5 pp" yardstick).
    private static (string Method, double Mean)? BestLabelFree(QualityResults store, string[] methods, int size) =>
        methods.Where(m => m != QualityMethods.Default && !QualityMethods.UsesLabels(m))
            .Select(m => (Method: m, Mean: store.Mean(m, size)))
            .Where(x => x.Mean is not null).Select(x => (x.Method, Mean: x.Mean!.Value))
            .OrderByDescending(x => x.Mean).Cast<(string, double)?>().FirstOrDefault();

    private static string CommandLine(string[] args) =>
        "dotnet run -c Release --project benchmarks/Elfs.Benchmarks -- quality " + string.Join(" ", args.Select(a => a.Contains(' ') || a.Contains(';') ? $"\"{a}\"" : a));

    // A difference of accuracies in percentage points; one that rounds to zero prints "0.0" (not "-+0.0").
    private static string Points(double difference) => (100 * difference).ToString("+0.0;-0.0;0.0", C);

    private static string PrefixName(double budget) => string.Create(C, $"default prefix of {budget}% queue");

    private static int Size(double percent, int n) => Math.Max(1, BudgetCounts.RoundHalfUp(percent / 100, n));

    private static int[] Prefixes(int size) => [Math.Max(1, size / 10), Math.Max(1, size / 4), Math.Max(1, size / 2)];

    private static string Balance(int[] queue, int[] labels)
    {
        var counts = new int[10];
        foreach (var i in queue) counts[labels[i]]++;
        return $"{counts.Min()}–{counts.Max()}";
    }

    private static int[] Sizes(int[] labels) => labels.GroupBy(l => l).Select(g => g.Count()).OrderDescending().ToArray();

    private static double[] List(string[] args, string name, string fallback) =>
        (ProfileArguments.Value(args, name) ?? fallback).Split(',').Select(v => double.Parse(v, C)).ToArray();
}
