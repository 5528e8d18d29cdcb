using System.Diagnostics;
using System.Globalization;
using Elfs.Engine.Torch;

namespace Elfs.Benchmarks;

/// <summary>
/// GEMM GFLOP/s at 2048×2048 through the binding and per-call overhead of a tiny op, compared with the same libtorch
/// called directly from C++ (benchmarks/native/binding_bench, built by this benchmark with CMake). The two sides
/// alternate in short rounds and the best round of each is reported, so load on a shared machine hits both alike.
/// </summary>
internal static class BindingBenchmark
{
    private const int Size = 2048;
    private const int Rounds = 6;
    private const int GemmRepeats = 5;
    private const int TinyCalls = 100_000;

    public static int Run(string[] args)
    {
        TorchRuntime.Configure(null);
        var threads = torch.get_num_threads();
        var build = BuildNative();
        double managedGemm = 0, managedTiny = double.MaxValue;
        (double Gemm, double Tiny) native = (0, double.MaxValue);
        for (var round = 0; round < Rounds; round++)
        {
            managedGemm = Math.Max(managedGemm, GemmGflops());
            managedTiny = Math.Min(managedTiny, TinyOpMicroseconds());
            var n = RunNative(build, threads);
            native = (Math.Max(native.Gemm, n.Gemm), Math.Min(native.Tiny, n.Tiny));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"threads={threads} best of {Rounds} alternating rounds: gemm_{Size} binding={managedGemm:F1} GFLOP/s  c++={native.Gemm:F1} GFLOP/s  overhead={(native.Gemm / managedGemm - 1) * 100:F2}%"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tiny op (add of two 1-element tensors): binding={managedTiny:F2} us/call  c++={native.Tiny:F2} us/call  extra={managedTiny - native.Tiny:F2} us"));
        return 0;
    }

    private static double GemmGflops()
    {
        using var scope = torch.NewDisposeScope();
        using var g = new Generator(1);
        var a = torch.randn([Size, Size], g);
        var b = torch.randn([Size, Size], g);
        a.mm(b).Dispose();
        var times = new List<double>();
        for (var i = 0; i < GemmRepeats; i++)
        {
            var sw = Stopwatch.StartNew();
            a.mm(b).Dispose();
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        return 2.0 * Size * Size * Size / times[times.Count / 2] / 1e9;
    }

    private static double TinyOpMicroseconds()
    {
        using var a = torch.ones([1]);
        using var b = torch.ones([1]);
        for (var i = 0; i < 10_000; i++) (a + b).Dispose();
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < TinyCalls; i++) (a + b).Dispose();
        return sw.Elapsed.TotalMicroseconds / TinyCalls;
    }

    private static string BuildNative()
    {
        var source = Path.Combine(FindRepoRoot(), "benchmarks", "native");
        var build = Path.Combine(FindRepoRoot(), "artifacts", "native-bench");
        Exec("cmake", $"-S \"{source}\" -B \"{build}\" -DCMAKE_BUILD_TYPE=Release");
        Exec("cmake", $"--build \"{build}\" -j {Environment.ProcessorCount}");
        return build;
    }

    private static (double Gemm, double Tiny) RunNative(string build, int threads)
    {
        var output = Exec(Path.Combine(build, "binding_bench"), $"{Size} {GemmRepeats} {TinyCalls} {threads}");
        var parts = output.Trim().Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static string Exec(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {stderr}");
        return stdout;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Elfs.LabelOps.sln"))) return dir.FullName;
        throw new InvalidOperationException("run the benchmark from inside the repository");
    }
}
