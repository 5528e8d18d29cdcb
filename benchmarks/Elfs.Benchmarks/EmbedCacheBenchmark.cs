using System.Diagnostics;
using System.Globalization;
using Elfs.Engine.Encoders;
using Elfs.Engine.Imaging;
using Elfs.Engine.IO;
using Elfs.Host.Storage;

namespace Elfs.Benchmarks;

/// <summary>
/// Fashion-MNIST train images PNG-encoded in memory, then decode+embed with the built-in encoder: without a cache, into
/// a fresh SQLite cache (cold), and again after reopening it (warm: every vector from the cache). Options: --limit N,
/// --precision float32|float16 (pass float16), --torchscript FILE (a TorchScript encoder you bring, instead of the built-in).
/// </summary>
internal static class EmbedCacheBenchmark
{
    public static int Run(string[] args)
    {
        EngineRuntime.Configure(null);
        var limit = EncoderQualityBenchmark.IntOption(args, "--limit", 60_000);
        var precision = args.Contains("float16") ? EmbeddingPrecision.Float16 : EmbeddingPrecision.Float32;
        var data = FashionMnist.Load("train", limit);
        var clock = Stopwatch.StartNew();
        var files = new byte[data.Count][];
        Parallel.For(0, data.Count, i => files[i] = ImageWriter.Encode(data.Image(i).Span, 28, 28, 1, ImageFileFormat.Png));
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"{data.Count} Fashion-MNIST train images PNG-encoded in {clock.Elapsed.TotalSeconds:F2} s ({files.Sum(f => (long)f.Length) / 1e6:F1} MB); {torch.get_num_threads()} threads, cache {precision}"));
        var directory = Directory.CreateTempSubdirectory("elfs-bench-").FullName;
        var db = Path.Combine(directory, "elfs.db");
        try
        {
            Func<IImageEncoder> encoder = () => new BuiltinEncoder();
            var modelAt = Array.IndexOf(args, "--torchscript");
            var model = modelAt >= 0 && modelAt + 1 < args.Length ? args[modelAt + 1] : null;
            if (modelAt >= 0 && model is null) throw new ArgumentException("--torchscript needs a model file (a TorchScript encoder you bring)");
            if (model is not null)
            {
                encoder = () => new TorchScriptEncoder(model, torch.CPU, 224);
                Console.WriteLine($"encoder: TorchScript {model} at 224x224");
            }
            else
            {
                Console.WriteLine("encoder: built-in (HOG + seeded projection)");
                DecodeOnly(files);
            }
            var none = model is not null ? double.NaN : Time("no cache", files, encoder, null, out _);
            var cold = Time("cold cache", files, encoder, () => new EmbeddingCache(db, precision), out var coldVectors);
            var warm = Time("warm cache (reopened)", files, encoder, () => new EmbeddingCache(db, precision), out var warmVectors);
            var identical = precision == EmbeddingPrecision.Float32 ? coldVectors.AsSpan().SequenceEqual(warmVectors) : (bool?)null;
            _ = none;
            Console.WriteLine(string.Create(c, $"warm/cold speed-up {cold / warm:F1}x; cache file {new FileInfo(db).Length / 1e6:F1} MB; warm vectors bit-identical to cold: {identical?.ToString() ?? "n/a (float16)"}"));
            Console.WriteLine(string.Create(c, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB (whole benchmark process, incl. {files.Sum(f => (long)f.Length) / 1e6:F0} MB of PNGs held in memory)"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
        return 0;
    }

    // Decode alone (SkiaSharp + preprocessing, batches of 1024 as the embedder uses) and the built-in features alone.
    private static void DecodeOnly(byte[][] files)
    {
        var options = new ImageDecodeOptions { Resize = 28, Crop = 28, Grayscale = true, Interpolation = ResizeFilter.Bilinear };
        using var encoder = new BuiltinEncoder();
        double decode = 0, features = 0;
        for (var start = 0; start < files.Length; start += 1024)
        {
            using var scope = torch.NewDisposeScope();
            var batch = files.Skip(start).Take(1024).Select(f => (ReadOnlyMemory<byte>)f).ToList();
            var clock = Stopwatch.StartNew();
            var decoded = ImageDecoder.Decode(batch, options);
            decode += clock.Elapsed.TotalSeconds;
            clock.Restart();
            encoder.EncodePixels(decoded.Pixels, decoded.Count);
            features += clock.Elapsed.TotalSeconds;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"decode only {decode,7:F2} s  {files.Length / decode,9:F0} images/s;  HOG+projection only {features:F2} s  {files.Length / features:F0} images/s"));
    }

    private static double Time(string name, byte[][] files, Func<IImageEncoder> createEncoder, Func<EmbeddingCache>? openCache, out float[] vectors)
    {
        using var encoder = createEncoder();
        using var cache = openCache?.Invoke();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var outcome = new CachedEmbedder(encoder, cache).EmbedAsync(files.Length, (i, _) => ValueTask.FromResult<ReadOnlyMemory<byte>>(files[i])).GetAwaiter().GetResult();
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        vectors = outcome.Vectors!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} {seconds,7:F2} s  {files.Length / seconds,9:F0} images/s  CPU {cpuSeconds:F2} s  (from cache {outcome.CacheHits}, encoded {outcome.Encoded}, failed {outcome.Errors.Count(e => e is not null)})"));
        return seconds;
    }
}
