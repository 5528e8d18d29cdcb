using System.Diagnostics;
using System.Globalization;
using Elfs.Engine.Clustering;

namespace Elfs.Benchmarks.Engine;

/// <summary>
/// kNN graph GFLOP/s (2·N²·d counted) against the binding's GEMM GFLOP/s measured in the same run, on the same
/// block shape (block × d times d × N) and on a square 2048 GEMM.
/// </summary>
internal static class KnnSpeedBenchmark
{
    public static int Run(string[] args)
    {
        EngineRuntime.Configure(ProfileArguments.Int(args, "--threads", 0));
        var rows = ProfileArguments.Int(args, "--rows", 60_000);
        var k = ProfileArguments.Int(args, "--k", 50);
        var dims = (ProfileArguments.Value(args, "--dims") ?? "256,768").Split(',').Select(int.Parse).ToArray();
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"threads={torch.get_num_threads()} rows={rows} k={k}"));
        foreach (var dim in dims)
        {
            using var scope = torch.NewDisposeScope();
            using var g = new Generator(1, torch.CPU);
            var x = torch.randn([rows, dim], generator: g);
            var block = KnnGraph.DefaultBlockRows(rows);
            var blockGemm = GemmProbe.Gflops(torch.randn([block, dim], generator: g), torch.randn([dim, rows], generator: g));
            var squareGemm = GemmProbe.Square();
            var watch = Stopwatch.StartNew();
            KnnGraph.Build(x, k);
            var seconds = watch.Elapsed.TotalSeconds;
            var knnGflops = 2.0 * rows * rows * dim / seconds / 1e9;
            Console.WriteLine(string.Create(c,
                $"d={dim}: knn {seconds:F1} s = {knnGflops:F1} GFLOP/s; GEMM {block}x{dim}x{rows} {blockGemm:F1} GFLOP/s ({knnGflops / blockGemm:P0}); GEMM 2048^3 {squareGemm:F1} GFLOP/s ({knnGflops / squareGemm:P0}); peak RSS {PeakMemory.MiB():F0} MiB"));
        }
        return 0;
    }
}
