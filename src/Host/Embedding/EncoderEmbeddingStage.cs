using Elfs.Connector;
using Elfs.Engine.Encoders;
using Elfs.Host.Runs;
using Elfs.Host.Storage;

namespace Elfs.Host.Embedding;

/// <summary>
/// The embed stage for the image encoders (built-in HOG, ResNet-18, ONNX, TorchScript): reads each candidate's image through the tool and lets
/// <see cref="CachedEmbedder"/> reuse cached vectors (by content hash and encoder fingerprint) and encode only what is
/// new. The content hash is the vector's key, so the select stage (or a resumed run) loads vectors from the cache.
/// </summary>
public sealed class EncoderEmbeddingStage(IImageEncoder encoder, EmbeddingCache cache, int batchSize) : IEmbeddingStage
{
    /// <inheritdoc />
    public string Description => $"{encoder.Description} ({encoder.Dimension}-d, fingerprint {encoder.Fingerprint[..Math.Min(12, encoder.Fingerprint.Length)]})";

    /// <inheritdoc />
    public Task<EmbeddingResult> EmbedAsync(ILabelingTool tool, IReadOnlyList<RunItem> candidates, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var hashes = new string?[candidates.Count];
        var embedder = new CachedEmbedder(encoder, cache, batchSize);
        var outcome = embedder.Embed(candidates.Count, i =>
        {
            var bytes = Read(tool, candidates[i], cancellationToken);
            hashes[i] = EmbeddingCache.ContentHash(bytes.Span);
            return bytes;
        }, progress is null ? null : new Progress(progress), cancellationToken);
        var items = candidates.Select((c, i) => outcome.Errors[i] is { } error
            ? c with { ContentHash = hashes[i], VectorKey = null, Error = error }
            : c with { ContentHash = hashes[i], VectorKey = hashes[i], Error = null }).ToList();
        return Task.FromResult(new EmbeddingResult(items, outcome.Encoded, outcome.CacheHits));
    }

    /// <inheritdoc />
    public (VectorMatrix Vectors, IReadOnlyList<RunItem> Found) LoadStored(IReadOnlyList<RunItem> items)
    {
        var hashed = items.Where(i => i.ContentHash is not null).ToList();
        var stored = cache.Get(hashed.Select(i => i.ContentHash!).Distinct().ToList(), encoder.Fingerprint);
        var found = hashed.Where(i => stored.TryGetValue(i.ContentHash!, out var v) && v.Length == encoder.Dimension)
            .Select(i => i with { VectorKey = i.ContentHash }).ToList();
        return (VectorMatrix.From(found.Select(i => stored[i.ContentHash!]).ToList(), encoder.Dimension), found);
    }

    /// <inheritdoc />
    public VectorMatrix Load(IReadOnlyList<RunItem> embedded)
    {
        var dim = encoder.Dimension;
        var vectors = cache.Get(embedded.Select(e => e.VectorKey!).Distinct().ToList(), encoder.Fingerprint);
        var data = new float[embedded.Count * dim];
        for (var i = 0; i < embedded.Count; i++)
        {
            if (!vectors.TryGetValue(embedded[i].VectorKey!, out var v) || v.Length != dim)
                throw new InvalidDataException($"the cached vector of item {embedded[i].ExternalId} is missing or damaged; run again to re-embed it");
            v.CopyTo(data, i * dim);
        }
        return new VectorMatrix(data, embedded.Count, dim);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        encoder.Dispose();
        cache.Dispose();
    }

    // CachedEmbedder reads synchronously from parallel workers; an unavailable item becomes that item's error.
    private static ReadOnlyMemory<byte> Read(ILabelingTool tool, RunItem item, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = tool.OpenImageAsync(new SourceItem(item.ExternalId, item.ImageRef, false, null), cancellationToken).GetAwaiter().GetResult();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (ItemUnavailableException e)
        {
            throw new IOException(e.Reason, e);
        }
    }

    private sealed class Progress(IProgress<PipelineProgress> inner) : IProgress<EmbedProgress>
    {
        public void Report(EmbedProgress value) =>
            inner.Report(new PipelineProgress("embed", value.Done, value.Total, $"{value.Cached} cached, {value.Failed} failed, {value.ImagesPerSecond:0} img/s"));
    }
}
