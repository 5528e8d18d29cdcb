using Elfs.Engine.Encoders;
using Elfs.Engine.Imaging;
using Elfs.Host.Storage;
using Microsoft.Data.Sqlite;

namespace Elfs.Host.Tests.Storage;

public sealed class CachedEmbedderTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("elfs-embedder-").FullName;

    private string DbPath => Path.Combine(directory, "elfs.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static byte[] Png(int seed)
    {
        var pixels = new byte[28 * 28];
        new Random(seed).NextBytes(pixels);
        return ImageWriter.Encode(pixels, 28, 28, 1, ImageFileFormat.Png);
    }

    private static EmbedOutcome Embed(IImageEncoder encoder, EmbeddingCache cache, byte[][] files) =>
        new CachedEmbedder(encoder, cache, batchSize: 3).EmbedAsync(files.Length, (i, _) => ValueTask.FromResult<ReadOnlyMemory<byte>>(files[i])).GetAwaiter().GetResult();

    [Fact]
    public void A_second_run_embeds_nothing_and_changes_re_embed_exactly_the_affected_items()
    {
        var files = Enumerable.Range(0, 7).Select(Png).ToArray();
        using var encoder = new BuiltinEncoder();

        EmbedOutcome first, second, third;
        using (var cache = new EmbeddingCache(DbPath)) first = Embed(encoder, cache, files);
        using (var cache = new EmbeddingCache(DbPath)) second = Embed(encoder, cache, files);
        files[4] = Png(100);
        using (var cache = new EmbeddingCache(DbPath)) third = Embed(encoder, cache, files);

        Assert.Equal((0, 7), (first.CacheHits, first.Encoded));
        Assert.Equal((7, 0), (second.CacheHits, second.Encoded));
        Assert.Equal(first.Vectors, second.Vectors);
        Assert.Equal(files.Select(f => EmbeddingCache.ContentHash(f)), third.Hashes);
        Assert.Equal((6, 1), (third.CacheHits, third.Encoded));
        Assert.NotEqual(first.Vectors![(4 * 256)..(5 * 256)], third.Vectors![(4 * 256)..(5 * 256)]);
        Assert.Equal(first.Vectors![..(4 * 256)], third.Vectors![..(4 * 256)]);
    }

    [Fact]
    public void Another_encoder_re_embeds_everything_and_both_stay_cached()
    {
        var files = Enumerable.Range(0, 4).Select(Png).ToArray();
        using var small = new BuiltinEncoder();
        using var large = new BuiltinEncoder(56);
        using var cache = new EmbeddingCache(DbPath);

        Embed(small, cache, files);
        var other = Embed(large, cache, files);
        var again = Embed(small, cache, files);

        Assert.Equal(4, other.Encoded);
        Assert.Equal(4, again.CacheHits);
    }

    [Fact]
    public async Task Unreadable_and_undecodable_items_get_their_reason_and_are_not_cached()
    {
        var files = new[] { Png(1), "plain text"u8.ToArray(), Png(2) };
        using var encoder = new BuiltinEncoder();
        using var cache = new EmbeddingCache(DbPath);
        var progress = new List<EmbedProgress>();

        var outcome = await new CachedEmbedder(encoder, cache, batchSize: 2, readers: 1).EmbedAsync(4,
            (i, _) => i == 3 ? throw new IOException("disk gone") : ValueTask.FromResult<ReadOnlyMemory<byte>>(files[i]), progress: new SynchronousProgress(progress));

        Assert.Null(outcome.Errors[0]);
        Assert.Contains("not a supported image", outcome.Errors[1]);
        Assert.Null(outcome.Errors[2]);
        Assert.Equal("could not be read: disk gone", outcome.Errors[3]);
        Assert.Equal(2, outcome.Encoded);
        Assert.Equal([2, 4], progress.Select(p => p.Done));
        Assert.Equal(2, progress[^1].Failed);
        Assert.Empty(cache.Get([EmbeddingCache.ContentHash(files[1])], encoder.Fingerprint));
    }

    [Fact]
    public async Task Reads_in_flight_never_exceed_the_readers_and_each_item_is_read_once()
    {
        var files = Enumerable.Range(0, 40).Select(Png).ToArray();
        using var encoder = new BuiltinEncoder();
        var reads = new int[files.Length];
        int inFlight = 0, most = 0;

        var outcome = await new CachedEmbedder(encoder, null, batchSize: 4, readers: 3).EmbedAsync(files.Length, async (i, ct) =>
        {
            Interlocked.Increment(ref reads[i]);
            var now = Interlocked.Increment(ref inFlight);
            lock (reads) most = Math.Max(most, now);
            await Task.Delay(5, ct);
            Interlocked.Decrement(ref inFlight);
            return files[i];
        }, keepVectors: false);

        Assert.InRange(most, 1, 3);
        Assert.All(reads, r => Assert.Equal(1, r));
        Assert.Null(outcome.Vectors);
        Assert.Equal(40, outcome.Encoded);
        Assert.All(outcome.Errors, Assert.Null);
    }

    [Fact]
    public async Task A_read_failing_for_another_reason_stops_the_embedding_with_that_exception()
    {
        var files = Enumerable.Range(0, 20).Select(Png).ToArray();
        using var encoder = new BuiltinEncoder();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => new CachedEmbedder(encoder, null, batchSize: 4, readers: 2)
            .EmbedAsync(files.Length, (i, _) => i == 7 ? throw new InvalidOperationException("server gone") : ValueTask.FromResult<ReadOnlyMemory<byte>>(files[i])));

        Assert.Equal("server gone", e.Message);
    }

    private sealed class SynchronousProgress(List<EmbedProgress> sink) : IProgress<EmbedProgress>
    {
        public void Report(EmbedProgress value) => sink.Add(value);
    }
}
