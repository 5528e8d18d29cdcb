using System.Diagnostics;
using System.Globalization;
using Elfs.Engine;
using Elfs.Engine.Clustering;

namespace Elfs.Benchmarks.Engine;

/// <summary>
/// TEMI seconds per epoch at N rows (default 60,000), d, batch 1024, for the given head counts. With --steps S only
/// S·batch rows are trained for one epoch and the time is scaled by (N/batch)/S (per-step cost does not depend on N);
/// the output says when it is extrapolated. The kNN graph is random (it does not affect the cost).
/// </summary>
internal static class TemiSpeedBenchmark
{
    public static int Run(string[] args)
    {
        EngineRuntime.Configure(ProfileArguments.Int(args, "--threads", 0));
        var rows = ProfileArguments.Int(args, "--rows", 60_000);
        var dim = ProfileArguments.Int(args, "--dim", 256);
        var steps = ProfileArguments.Int(args, "--steps", 0);
        var headsList = (ProfileArguments.Value(args, "--heads") ?? "1,50").Split(',').Select(int.Parse).ToArray();
        var baseProfile = ProfileArguments.Parse(args, "paper") with { TemiEpochs = 1, TemiWarmupEpochs = 1 };
        var c = CultureInfo.InvariantCulture;
        var stepsPerEpoch = rows / baseProfile.TemiBatch;
        foreach (var heads in headsList)
        {
            var trainRows = steps > 0 ? Math.Min(rows, steps * baseProfile.TemiBatch) : rows;
            var profile = baseProfile with { Heads = heads };
            using var g = new Generator(3, torch.CPU);
            using var x = torch.randn([trainRows, dim], generator: g);
            var random = new Random(1);
            var k = 50;
            var graph = KnnGraph.FromArrays(Enumerable.Range(0, trainRows * k).Select(_ => random.Next(trainRows)).ToArray(), new float[trainRows * k], trainRows, k);
            var gemmBefore = GemmProbe.Square();
            var watch = Stopwatch.StartNew();
            TemiTrainer.Train(x, graph, 10, profile, 0);
            var seconds = watch.Elapsed.TotalSeconds * stepsPerEpoch / (trainRows / profile.TemiBatch);
            var gemm = (gemmBefore + GemmProbe.Square()) / 2;
            var flops = StepFlops(profile, dim, 10) * stepsPerEpoch;
            Console.WriteLine(string.Create(c,
                $"heads={heads} d={dim} batch={profile.TemiBatch} hidden={profile.HiddenDim} bottleneck={profile.BottleneckDim}: {seconds:F1} s/epoch ({stepsPerEpoch} steps{(trainRows < rows ? $", extrapolated from {trainRows / profile.TemiBatch} steps" : "")}); arithmetic {flops / 1e9:F0} GFLOP/epoch = {flops / seconds / 1e9:F1} GFLOP/s = {flops / seconds / 1e9 / gemm:P0} of GEMM 2048^3 ({gemm:F1} GFLOP/s, mean of before/after); floor at that GEMM rate {flops / gemm / 1e9:F1} s; threads={torch.get_num_threads()}; peak RSS {PeakMemory.MiB():F0} MiB"));
        }
        return 0;
    }

    // Multiply-adds ×2 of the GEMMs: student forward + backward (weight grads, and input grads except layer 1) + teacher forward.
    private static double StepFlops(ElfsProfile p, int dim, int k)
    {
        double rows = 2 * p.TemiBatch;
        var l1 = 2 * rows * dim * p.HiddenDim * p.Heads;
        var l2 = 2 * rows * p.HiddenDim * p.BottleneckDim * p.Heads;
        var l3 = 2 * rows * p.BottleneckDim * k * p.Heads;
        return l1 * 3 + l2 * 4 + l3 * 4;
    }
}
