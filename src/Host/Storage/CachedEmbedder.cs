using System.Diagnostics;
using Elfs.Engine.Encoders;

namespace Elfs.Host.Storage;

/// <summary>
/// Embeds items in chunks: reads and hashes a chunk's bytes in parallel, takes what the cache has for the encoder's
/// fingerprint, encodes only the rest and stores their vectors. Memory holds one chunk of image bytes at a time.
/// </summary>
public sealed class CachedEmbedder
{
    private readonly IImageEncoder encoder;
    private readonly EmbeddingCache? cache;
    private readonly int chunkSize;

    /// <summary>Creates the embedder; without a cache every item is encoded.</summary>
    public CachedEmbedder(IImageEncoder encoder, EmbeddingCache? cache, int chunkSize = 1024)
    {
        if (chunkSize <= 0) throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "chunk size must be positive");
        this.encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));
        this.cache = cache;
        this.chunkSize = chunkSize;
    }

    /// <summary>
    /// Embeds <paramref name="count"/> items whose bytes <paramref name="read"/> returns (an exception from it is that
    /// item's error, naming the reason).
    /// </summary>
    public EmbedOutcome Embed(int count, Func<int, ReadOnlyMemory<byte>> read, IProgress<EmbedProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        var dim = encoder.Dimension;
        var vectors = new float[(long)count * dim];
        var errors = new string?[count];
        int hits = 0, encoded = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < count; start += chunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(chunkSize, count - start);
            var bytes = new ReadOnlyMemory<byte>[n];
            var hashes = new string?[n];
            Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, k =>
            {
                try
                {
                    bytes[k] = read(start + k);
                    hashes[k] = EmbeddingCache.ContentHash(bytes[k].Span);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    errors[start + k] = $"could not be read: {e.Message}";
                }
            });
            var cached = cache?.Get(hashes.OfType<string>().ToList(), encoder.Fingerprint) ?? new Dictionary<string, float[]>();
            var missing = new List<int>();
            for (var k = 0; k < n; k++)
            {
                if (hashes[k] is not { } hash) continue;
                if (cached.TryGetValue(hash, out var vector) && vector.Length == dim)
                {
                    vector.CopyTo(vectors.AsSpan((start + k) * dim, dim));
                    hits++;
                }
                else missing.Add(k);
            }
            if (missing.Count > 0)
            {
                var result = encoder.Encode(missing.Select(k => bytes[k]).ToList(), cancellationToken);
                var fresh = new List<(string, float[])>();
                for (var m = 0; m < missing.Count; m++)
                {
                    var k = missing[m];
                    if (result.Errors[m] is { } error)
                    {
                        errors[start + k] = error;
                        continue;
                    }
                    var row = result.Vectors.AsSpan(m * dim, dim);
                    row.CopyTo(vectors.AsSpan((start + k) * dim, dim));
                    fresh.Add((hashes[k]!, row.ToArray()));
                    encoded++;
                }
                cache?.Put(fresh, encoder.Fingerprint);
            }
            failed = errors.Take(start + n).Count(e => e is not null);
            progress?.Report(new EmbedProgress(start + n, count, hits, failed, (start + n) / Math.Max(1e-9, clock.Elapsed.TotalSeconds)));
        }
        return new EmbedOutcome(vectors, dim, errors, hits, encoded);
    }
}
