using System.Diagnostics;
using System.Globalization;
using Elfs.Engine.Encoders;
using Elfs.Engine.Imaging;
using Elfs.Engine.IO;
using Elfs.Engine.Torch;
using Elfs.Host.Storage;

namespace Elfs.Benchmarks;

/// <summary>
/// Fashion-MNIST train images PNG-encoded in memory, then decode+embed with the built-in encoder: without a cache, into
/// a fresh SQLite cache (cold), and again after reopening it (warm: every vector from the cache). Options: --limit N,
/// --precision float32|float16.
/// </summary>
internal static class EmbedCacheBenchmark
{
    public static int Run(string[] args)
    {
        TorchRuntime.Configure(null);
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
            var none = Time("no cache", files, null, out _);
            var cold = Time("cold cache", files, () => new EmbeddingCache(db, precision), out var coldVectors);
            var warm = Time("warm cache (reopened)", files, () => new EmbeddingCache(db, precision), out var warmVectors);
            var identical = precision == EmbeddingPrecision.Float32 ? coldVectors.AsSpan().SequenceEqual(warmVectors) : (bool?)null;
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

    private static double Time(string name, byte[][] files, Func<EmbeddingCache>? openCache, out float[] vectors)
    {
        using var encoder = new BuiltinEncoder();
        using var cache = openCache?.Invoke();
        var clock = Stopwatch.StartNew();
        var outcome = new CachedEmbedder(encoder, cache).Embed(files.Length, i => files[i]);
        var seconds = clock.Elapsed.TotalSeconds;
        vectors = outcome.Vectors;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} {seconds,7:F2} s  {files.Length / seconds,9:F0} images/s  (from cache {outcome.CacheHits}, encoded {outcome.Encoded}, failed {outcome.Errors.Count(e => e is not null)})"));
        return seconds;
    }
}
