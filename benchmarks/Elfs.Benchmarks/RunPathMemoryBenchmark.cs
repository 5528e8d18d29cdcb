using System.Diagnostics;
using System.Globalization;
using Elfs.Engine.Imaging;
using Elfs.Host.Cli;
using Elfs.Host.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Elfs.Benchmarks;

/// <summary>
/// Issue 13's done-when figure: peak RSS of a real LocalFolder run (sync → embed → select → push → report, the host's
/// own <see cref="RunPipeline"/>, built-in encoder, cheapest engine settings) over N synthetic 28×28 PNGs.
/// <c>runpath-memory --generate --items N --folder DIR</c> writes the images (in its own process, so the run's peak does
/// not include them); <c>runpath-memory --items N --folder DIR --work DIR [--pause-after embedded]</c> runs the pipeline
/// (or, with <c>--pause-after</c>, stops after that state; the next call resumes) and prints the process's peak RSS
/// (VmHWM) with the stage timings. <c>benchmarks/runpath-memory.sh</c> runs both sizes.
/// </summary>
internal static class RunPathMemoryBenchmark
{
    public static int Run(string[] args)
    {
        var items = int.Parse(Option(args, "--items") ?? "10000", CultureInfo.InvariantCulture);
        var folder = Option(args, "--folder") ?? throw new ArgumentException("--folder DIR is required");
        if (args.Contains("--generate"))
            return Generate(items, folder);
        var work = Option(args, "--work") ?? throw new ArgumentException("--work DIR is required");
        return RunPipeline(folder, work, Option(args, "--pause-after"), Option(args, "--budget") ?? "0.05");
    }

    private static int Generate(int items, string folder)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        Parallel.For(0, items, i =>
        {
            var sub = Path.Combine(folder, (i / 1000).ToString("D3", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(sub);
            var path = Path.Combine(sub, i.ToString("D6", CultureInfo.InvariantCulture) + ".png");
            if (!File.Exists(path)) File.WriteAllBytes(path, Image(i));
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {items} PNGs in {folder} in {clock.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    // Ten classes of bars at different angles and positions, each image with its own seeded noise (so every file is distinct).
    private static byte[] Image(int i)
    {
        var random = new Random(i);
        var pixels = new byte[28 * 28];
        var cls = i % 10;
        var angle = cls * Math.PI / 10;
        var (dx, dy) = (Math.Cos(angle), Math.Sin(angle));
        for (var y = 0; y < 28; y++)
        for (var x = 0; x < 28; x++)
        {
            var distance = Math.Abs((x - 13.5) * dy - (y - 13.5) * dx);
            var value = (distance < 3 ? 200 : 30) + random.Next(-25, 26);
            pixels[y * 28 + x] = (byte)Math.Clamp(value, 0, 255);
        }
        return ImageWriter.Encode(pixels, 28, 28, 1, ImageFileFormat.Png);
    }

    private static int RunPipeline(string folder, string work, string? pauseAfter, string budget)
    {
        Directory.CreateDirectory(work);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Elfs:Storage:Path"] = Path.Combine(work, "elfs.db"),
            ["Elfs:Diagnostics:PauseAfterState"] = pauseAfter,
            ["Elfs:Engine:Device"] = "cpu",
            ["Elfs:Engine:Threads"] = "2",
            ["Elfs:Engine:Seed"] = "1",
            ["Elfs:Engine:Profile"] = "cpu",
            ["Elfs:Engine:ClusteringEpochs"] = "2",
            ["Elfs:Engine:ProxyEpochs"] = "2",
            ["Elfs:Projects:0:Name"] = "memory",
            ["Elfs:Projects:0:Tool"] = "LocalFolder",
            ["Elfs:Projects:0:Folder"] = folder,
            ["Elfs:Projects:0:OutputPath"] = Path.Combine(work, "queue"),
            ["Elfs:Projects:0:Budget"] = budget,
            ["Elfs:Projects:0:Beta"] = "0.1",
            ["Elfs:Projects:0:Clusters"] = "10",
            ["Elfs:Projects:0:Encoder"] = "builtin",
        }).Build();
        using var services = CliHost.Services(LoadedConfiguration.Validate(configuration), LogLevel.Warning, RunPause.Stop);
        CliHost.ConfigureEngine(services);
        var clock = Stopwatch.StartNew();
        var sampler = new StageRss();
        RunOutcome outcome;
        using (var timer = new Timer(_ => sampler.Sample(), null, 0, 100))
            outcome = services.GetRequiredService<RunPipeline>().RunAsync("memory", "benchmark", sampler, CancellationToken.None).GetAwaiter().GetResult();
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{outcome.Status}: {outcome.Message}");
        Console.WriteLine($"timings: {outcome.Run?.Timings}");
        Console.WriteLine("peak RSS (MiB) per stage, sampled every 100 ms: " + sampler);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wall {seconds:F1} s; peak RSS (VmHWM) {PeakRssMiB():F0} MiB; managed heap now {GC.GetTotalMemory(false) / 1048576.0:F0} MiB"));
        return outcome.Status is RunStatus.Completed or RunStatus.Paused ? 0 : 1;
    }

    /// <summary>The largest resident set (VmRSS) seen while each pipeline stage (as its progress names it) was running.</summary>
    private sealed class StageRss : IProgress<PipelineProgress>
    {
        private readonly Dictionary<string, double> peaks = new(StringComparer.Ordinal);
        private string stage = "start";

        public void Report(PipelineProgress value)
        {
            lock (peaks) stage = value.Stage;
            Sample();
        }

        public void Sample()
        {
            var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var mib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            lock (peaks) peaks[stage] = Math.Max(peaks.GetValueOrDefault(stage), mib);
        }

        public override string ToString()
        {
            lock (peaks) return string.Join(", ", peaks.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:F0}")));
        }
    }

    private static double PeakRssMiB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
