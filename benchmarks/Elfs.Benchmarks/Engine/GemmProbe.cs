using System.Diagnostics;

namespace Elfs.Benchmarks.Engine;

/// <summary>The binding's float32 GEMM GFLOP/s, measured in the same process so ratios survive a loaded machine.</summary>
internal static class GemmProbe
{
    /// <summary>Best of three timed a·b products after one warm-up.</summary>
    public static double Gflops(Tensor a, Tensor b)
    {
        a.mm(b).Dispose();
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            a.mm(b).Dispose();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return 2.0 * a.size(0) * a.size(1) * b.size(1) / best / 1e9;
    }

    /// <summary>Square 2048³ GEMM GFLOP/s.</summary>
    public static double Square()
    {
        using var scope = torch.NewDisposeScope();
        using var g = new Generator(9, torch.CPU);
        return Gflops(torch.randn([2048, 2048], generator: g), torch.randn([2048, 2048], generator: g));
    }
}
