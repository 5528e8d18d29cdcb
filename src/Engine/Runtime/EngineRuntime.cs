using System.Diagnostics;
using Elfs.Engine.Encoders;
using Microsoft.ML.OnnxRuntime;

namespace Elfs.Engine.Runtime;

/// <summary>
/// The engine's runtime facade for the host: thread count and a report of TorchSharp, libtorch, CUDA and ONNX Runtime. The host
/// never touches TorchSharp itself.
/// </summary>
public static class EngineRuntime
{
    private const string NativeLibraryName = "libLibTorchSharp.so";
    private static int configured;

    /// <summary>Sets libtorch's intra-op thread count: <paramref name="threads"/>, or every core when null or 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count.</exception>
    public static void Configure(int? threads)
    {
        var n = threads is null or 0 ? Environment.ProcessorCount : threads.Value;
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(threads), threads, "threads must be 0 (all cores) or a positive count");
        torch.set_num_threads(n);
        Volatile.Write(ref configured, 1);
    }

    /// <summary>
    /// Uses every core unless <see cref="Configure"/> already chose: libtorch may start with one thread of several.
    /// </summary>
    public static void EnsureConfigured()
    {
        if (Volatile.Read(ref configured) == 0) Configure(null);
    }

    /// <summary>Loads TorchSharp and reports what it is and how fast it runs here.</summary>
    /// <exception cref="DllNotFoundException">libtorch or libLibTorchSharp could not be loaded.</exception>
    public static RuntimeReport Inspect()
    {
        EnsureConfigured();
        var native = FindNativeLibrary();
        var marker = native is null ? null : native + ".compat.txt";
        return new RuntimeReport(
            typeof(torch).Assembly.GetName().Version?.ToString(3) ?? "unknown", torch.__version__,
            BuildBackend,
            torch.get_num_threads(), Environment.ProcessorCount, torch.cuda.is_available() ? torch.cuda.device_count() : 0,
            MeasureGemmGflops(1024), native, marker is not null && File.Exists(marker) ? File.ReadAllText(marker).Trim() : null,
            OrtEnv.Instance().GetVersionString(), OrtEnv.Instance().GetAvailableProviders(), ResNet18Model());
    }

    private static string? ResNet18Model()
    {
        var (model, preprocessing) = ResNet18Encoder.ModelFiles();
        return File.Exists(model) && File.Exists(preprocessing) ? model : null;
    }

    /// <summary>Best-of-<paramref name="repeats"/> GFLOP/s of an n×n float32 product on the CPU.</summary>
    public static double MeasureGemmGflops(int n, int repeats = 5)
    {
        using var scope = torch.NewDisposeScope();
        var generator = new torch.Generator(0, torch.CPU);
        var a = torch.randn([n, n], generator: generator);
        var b = torch.randn([n, n], generator: generator);
        a.mm(b).Dispose();
        var best = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            a.mm(b).Dispose();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        generator.Dispose();
        return 2.0 * n * n * n / best / 1e9;
    }

    private static string BuildBackend =>
        typeof(EngineRuntime).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "TorchBackend")?.Value ?? "cpu";

    private static string? FindNativeLibrary()
    {
        var baseDir = AppContext.BaseDirectory;
        string[] candidates = [Path.Combine(baseDir, NativeLibraryName), Path.Combine(baseDir, "runtimes", "linux-x64", "native", NativeLibraryName)];
        return candidates.FirstOrDefault(File.Exists);
    }
}
