using System.Diagnostics;
using System.Threading.Channels;
using Elfs.Connector;
using Elfs.Engine.Encoders;

namespace Elfs.Host.Storage;

/// <summary>
/// Embeds items as a stream: <c>readers</c> reads run at once (<see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>),
/// each image's content hash is computed once as it arrives, and a bounded channel hands the bytes to the compute side,
/// which takes a batch, reuses what the cache has for the encoder's fingerprint, encodes only the rest in one
/// <see cref="IImageEncoder.Encode"/> call and stores their vectors. Memory holds at most two batches of image bytes
/// plus the reads in flight, whatever the number of items. A read that fails for that item alone (an
/// <see cref="ItemUnavailableException"/> or an IO error) is that item's error; any other exception stops the embedding.
/// </summary>
public sealed class CachedEmbedder
{
    private readonly IImageEncoder encoder;
    private readonly EmbeddingCache? cache;
    private readonly int batchSize;
    private readonly int readers;

    /// <summary>Creates the embedder; without a cache every item is encoded.</summary>
    /// <param name="encoder">Encodes each batch.</param>
    /// <param name="cache">Vectors by content hash and fingerprint, or null.</param>
    /// <param name="batchSize">Images per encoder call.</param>
    /// <param name="readers">Reads in flight at once (a tool's <see cref="ILabelingTool.ReadConcurrency"/>).</param>
    public CachedEmbedder(IImageEncoder encoder, EmbeddingCache? cache, int batchSize = 256, int readers = 0)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch size must be positive");
        if (readers < 0) throw new ArgumentOutOfRangeException(nameof(readers), readers, "readers must not be negative (0: one per core)");
        this.encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));
        this.cache = cache;
        this.batchSize = batchSize;
        this.readers = readers == 0 ? Environment.ProcessorCount : readers;
    }

    /// <summary>
    /// Embeds <paramref name="count"/> items whose bytes <paramref name="read"/> returns. With
    /// <paramref name="keepVectors"/> false the vectors only go to the cache (<see cref="EmbedOutcome.Vectors"/> is null).
    /// </summary>
    public async Task<EmbedOutcome> EmbedAsync(int count, Func<int, CancellationToken, ValueTask<ReadOnlyMemory<byte>>> read, bool keepVectors = true,
        IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        var state = new State(count, keepVectors ? new float[(long)count * encoder.Dimension] : null);
        var channel = Channel.CreateBounded<Arrival>(new BoundedChannelOptions(batchSize) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = ReadAllAsync(count, read, channel.Writer, stop.Token);
        try
        {
            var batch = new List<Arrival>(batchSize);
            await foreach (var arrival in channel.Reader.ReadAllAsync(cancellationToken))
            {
                batch.Add(arrival);
                if (batch.Count < batchSize) continue;
                Encode(batch, state, cancellationToken);
                progress?.Report(state.Progress());
            }
            if (batch.Count > 0 || count == 0)
            {
                Encode(batch, state, cancellationToken);
                progress?.Report(state.Progress());
            }
        }
        finally
        {
            await stop.CancelAsync();
            try { await producer; }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // The reader's own exception (if any) has already surfaced through the channel.
            }
        }
        return new EmbedOutcome(state.Vectors, encoder.Dimension, state.Errors, state.Hashes, state.Hits, state.Encoded);
    }

    /// <summary>Whether <paramref name="e"/> keeps only this item from being read (the run goes on without it).</summary>
    public static bool IsItemFailure(Exception e) => e is ItemUnavailableException or IOException or UnauthorizedAccessException or InvalidDataException;

    private async Task ReadAllAsync(int count, Func<int, CancellationToken, ValueTask<ReadOnlyMemory<byte>>> read, ChannelWriter<Arrival> writer, CancellationToken ct)
    {
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = readers, CancellationToken = ct }, async (i, token) =>
            {
                Arrival arrival;
                try
                {
                    var bytes = await read(i, token);
                    arrival = new Arrival(i, bytes, EmbeddingCache.ContentHash(bytes.Span), null);
                }
                catch (Exception e) when (IsItemFailure(e))
                {
                    arrival = new Arrival(i, default, null, $"could not be read: {(e is ItemUnavailableException u ? u.Reason : e.Message)}");
                }
                await writer.WriteAsync(arrival, token);
            });
            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
            throw;
        }
    }

    private void Encode(List<Arrival> batch, State state, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var dim = encoder.Dimension;
        var cached = cache?.Get(batch.Where(a => a.Hash is not null).Select(a => a.Hash!).ToList(), encoder.Fingerprint) ?? new Dictionary<string, float[]>();
        var missing = new List<Arrival>();
        foreach (var arrival in batch)
        {
            state.Hashes[arrival.Index] = arrival.Hash;
            state.Errors[arrival.Index] = arrival.Error;
            if (arrival.Hash is not { } hash) continue;
            if (cached.TryGetValue(hash, out var vector) && vector.Length == dim)
            {
                state.Keep(arrival.Index, vector);
                state.Hits++;
            }
            else missing.Add(arrival);
        }
        if (missing.Count > 0)
        {
            var result = encoder.Encode(missing.Select(a => a.Bytes).ToList(), cancellationToken);
            var fresh = new List<(string, float[])>(missing.Count);
            for (var m = 0; m < missing.Count; m++)
            {
                var index = missing[m].Index;
                if (result.Errors[m] is { } error)
                {
                    state.Errors[index] = error;
                    continue;
                }
                var row = result.Vectors.AsSpan(m * dim, dim);
                state.Keep(index, row);
                fresh.Add((missing[m].Hash!, row.ToArray()));
                state.Encoded++;
            }
            cache?.Put(fresh, encoder.Fingerprint);
        }
        state.Done += batch.Count;
        state.Failed += batch.Count(a => state.Errors[a.Index] is not null);
        batch.Clear();
    }

    /// <summary>One read item: its bytes and hash, or why it could not be read.</summary>
    private readonly record struct Arrival(int Index, ReadOnlyMemory<byte> Bytes, string? Hash, string? Error);

    /// <summary>Per-item results and running counts (touched by the compute side only).</summary>
    private sealed class State(int count, float[]? vectors)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();

        public float[]? Vectors { get; } = vectors;

        public string?[] Errors { get; } = new string?[count];

        public string?[] Hashes { get; } = new string?[count];

        public int Hits { get; set; }

        public int Encoded { get; set; }

        public int Done { get; set; }

        public int Failed { get; set; }

        /// <summary>Copies an item's vector into the kept matrix (when one is kept).</summary>
        public void Keep(int index, ReadOnlySpan<float> vector)
        {
            if (Vectors is not null) vector.CopyTo(Vectors.AsSpan(index * vector.Length, vector.Length));
        }

        public EmbedProgress Progress() => new(Done, count, Hits, Failed, Done / Math.Max(1e-9, clock.Elapsed.TotalSeconds));
    }
}
