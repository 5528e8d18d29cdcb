using System.Globalization;
using Elfs.Engine;
using Elfs.Engine.Clustering;
using Elfs.Engine.Dynamics;
using Elfs.Engine.Selection;

namespace Elfs.Benchmarks.Engine;

/// <summary>
/// The pruning-rate table on Fashion-MNIST: each method selects from the 60,000 training images (label-free except the
/// true-label CCS reference), a small CNN is trained from scratch on the selection WITH TRUE LABELS for a fixed number
/// of SGD steps, and final test accuracy (10,000 test images) is reported as mean ± std over seeds.
/// Needs --scores FILE from fashion-quality (pseudo-labels and pseudo-label AUM of one ELFS run).
/// </summary>
internal static class FashionPruningBenchmark
{
    public static int Run(string[] args)
    {
        EngineRuntime.Configure(ProfileArguments.Int(args, "--threads", 0));
        var c = CultureInfo.InvariantCulture;
        var rates = (ProfileArguments.Value(args, "--rates") ?? "50,90").Split(',').Select(r => int.Parse(r, c)).ToArray();
        var seeds = ProfileArguments.Int(args, "--seeds", 3);
        var steps = ProfileArguments.Int(args, "--steps", 200);
        var batch = ProfileArguments.Int(args, "--batch", 128);
        var profile = ProfileArguments.Parse(args);
        // --scores FILE (from fashion-quality --scores-out) runs the pseudo-label methods; without it only the others run.
        var scoresPath = ProfileArguments.Value(args, "--scores");
        var pseudoAum = scoresPath is null ? null : File.ReadLines(scoresPath).Skip(1).Select(l => float.Parse(l.Split(',')[2], c)).ToArray();
        var baselines = pseudoAum is null || args.Contains("--with-baselines");
        var train = FashionMnist.Load(train: true);
        var test = FashionMnist.Load(train: false);
        var embeddings = FashionEmbeddings.Load(train);
        var n = train.Count;
        float[] trueAum = [];
        float[] prototypeDistance = [];
        using (var x = torch.tensor(embeddings.Data, [n, embeddings.Cols]))
        if (baselines)
        {
            var recorder = new TrainingDynamicsRecorder(train.Labels, profile.El2nEpochs);
            new MlpProxyTrainer(x, profile).Train(train.Labels, 10, recorder, 0);
            trueAum = recorder.Scores().Aum;
            prototypeDistance = KMeans.Fit(x, 10, profile.KMeansIterations, 0).Distances;
        }
        Console.WriteLine(string.Create(c, $"# steps={steps} batch={batch} seeds={seeds} rates={string.Join(",", rates)} proxy={ProfileArguments.Describe(profile)}"));
        var results = new List<(string Method, int Rate, double Accuracy)>();
        // --methods a,b,...: only the methods with exactly these names (e.g. full,random,elfs(b=0.3)).
        var only = ProfileArguments.Value(args, "--methods")?.Split(',');
        void Record(string method, int rate, int[] subset)
        {
            if (only is not null && !only.Contains(method)) return;
            for (var s = 0; s < seeds; s++)
            {
                var accuracy = SmallCnn.TrainAndTest(train, subset, test, steps, batch, 0.05, (ulong)(100 + s));
                results.Add((method, rate, accuracy));
                Console.WriteLine(string.Create(c, $"{method},{rate},{s},{subset.Length},{accuracy:F4}"));
            }
        }
        if (baselines) Record("full", 0, Enumerable.Range(0, n).ToArray());
        foreach (var rate in rates)
        {
            var fraction = 1 - rate / 100.0;
            var budget = BudgetCounts.RoundHalfUp(fraction, n);
            var ccsBeta = rate >= 90 ? 0.3 : rate >= 80 ? 0.2 : rate >= 70 ? 0.1 : 0.0;
            var ccsHard = BudgetCounts.RoundHalfUp(ccsBeta, n);
            if (baselines)
            {
                Record("random", rate, RandomSelection.Select(n, budget, 1));
                Record("prototypicality", rate, PrototypicalitySelection.Select(prototypeDistance, budget));
                Record($"ccs-true-aum(b={ccsBeta})", rate, StratifiedSampling.Select(trueAum, ccsHard, budget, profile.CcsBins, 1));
            }
            if (pseudoAum is null) continue;
            Record($"ccs-pseudo-aum(b={ccsBeta})", rate, StratifiedSampling.Select(pseudoAum, ccsHard, budget, profile.CcsBins, 1));
            foreach (var beta in new[] { 0.0, 0.1, 0.2, 0.3, 0.4 })
            {
                if ((decimal)beta + (decimal)fraction > 1m) continue;
                var (hard, b) = BudgetCounts.Resolve(n, beta, fraction, null);
                Record(string.Create(c, $"elfs(b={beta})"), rate, DoubleEndPruning.Select(pseudoAum, hard, b));
            }
        }
        Console.WriteLine("| method | " + string.Join(" | ", rates.Select(r => $"{r}%")) + " |");
        foreach (var method in results.Select(r => r.Method).Distinct())
        {
            string Cell(int rate)
            {
                var a = results.Where(r => r.Method == method && (r.Rate == rate || method == "full")).Select(r => r.Accuracy * 100).ToArray();
                if (a.Length == 0) return "–";
                var mean = a.Average();
                var std = Math.Sqrt(a.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, a.Length - 1));
                return string.Create(c, $"{mean:F1} ± {std:F1}");
            }
            Console.WriteLine($"| {method} | " + string.Join(" | ", rates.Select(Cell)) + " |");
        }
        return 0;
    }
}
