using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Elfs.Engine.Torch;

/// <summary>Configures and inspects the native runtime (threads, BLAS, CUDA).</summary>
public static partial class TorchRuntime
{
    /// <summary>Sets libtorch's thread count: <paramref name="threads"/>, or every core when null or 0.</summary>
    public static void Configure(int? threads)
    {
        var n = threads is null or 0 ? Environment.ProcessorCount : threads.Value;
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(threads), threads, "threads must be 0 (all cores) or a positive count");
        torch.set_num_threads(n);
    }

    /// <summary>Inspects the runtime and measures GEMM speed (about a second).</summary>
    public static RuntimeReport Inspect()
    {
        var (blas, library) = DetectBlas();
        return new RuntimeReport(torch.__version__, torch.get_num_threads(), Environment.ProcessorCount,
            torch.cuda.compiled_with_cuda(), torch.cuda.is_available(), torch.cuda.device_count(), blas, library, MeasureGemmGflops(1024));
    }

    /// <summary>float32 GEMM GFLOP/s for n×n on the CPU: best of several timed products after a warm-up.</summary>
    public static double MeasureGemmGflops(int n, int repeats = 5)
    {
        using var scope = torch.NewDisposeScope();
        using var g = new Generator(0);
        var a = torch.randn([n, n], g);
        var b = torch.randn([n, n], g);
        a.mm(b).Dispose();
        var best = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            a.mm(b).Dispose();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return 2.0 * n * n * n / best / 1e9;
    }

    /// <summary>
    /// Which BLAS libtorch calls: the library that provides <c>sgemm_</c> to it; else the process's mapped libraries,
    /// else libtorch's build configuration. (Several BLAS files can be mapped at once, e.g. the reference libblas.so.3
    /// beside libopenblas.so.0; only the provider of sgemm_ says which one matrix products use.)
    /// </summary>
    public static (BlasKind Kind, string Library) DetectBlas()
    {
        _ = torch.get_num_threads(); // make sure libtorch (and with it BLAS) is loaded
        var provider = GemmProvider();
        if (provider.Length > 0 && Classify(provider) is var providerKind and not BlasKind.Unknown) return (providerKind, provider);
        var mapped = File.Exists("/proc/self/maps")
            ? File.ReadLines("/proc/self/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
                .Where(p => p.StartsWith('/') && BlasFile().IsMatch(Path.GetFileName(p))).Distinct().ToList()
            : [];
        foreach (var path in mapped)
        {
            var kind = Classify(path);
            if (kind != BlasKind.Unknown) return (kind, path);
        }
        var info = BlasInfo().Match(torch.BuildConfig);
        return info.Success ? (Classify(info.Groups[1].Value), "built in: BLAS_INFO=" + info.Groups[1].Value) : (BlasKind.Unknown, "not found");
    }

    private static unsafe string GemmProvider()
    {
        var buffer = new byte[4096];
        fixed (byte* p = buffer)
        {
            NativeMethods.elfs_blas_library(p, buffer.Length);
            return System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)p) ?? "";
        }
    }

    private static BlasKind Classify(string path)
    {
        var p = path.ToLowerInvariant();
        if (p.Contains("openblas") || p == "open") return BlasKind.OpenBlas;
        if (p.Contains("mkl")) return BlasKind.Mkl;
        if (p.Contains("blis")) return BlasKind.Blis;
        if (p.Contains("libblas") || p.Contains("/blas/")) return BlasKind.Generic;
        return BlasKind.Unknown;
    }

    [GeneratedRegex(@"^lib(open)?blas|mkl|blis", RegexOptions.IgnoreCase)]
    private static partial Regex BlasFile();

    [GeneratedRegex(@"BLAS_INFO=(\w+)")]
    private static partial Regex BlasInfo();
}
