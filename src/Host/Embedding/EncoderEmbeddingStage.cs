using Elfs.Connector;
using Elfs.Engine.Encoders;
using Elfs.Host.Runs;
using Elfs.Host.Storage;

namespace Elfs.Host.Embedding;

/// <summary>
/// The embed stage for the image encoders (built-in HOG, ResNet-18, ONNX, TorchScript): streams each candidate's image
/// through the tool (as many reads at once as its <see cref="ILabelingTool.ReadConcurrency"/>) into
/// <see cref="CachedEmbedder"/>, which reuses cached vectors (by content hash and encoder fingerprint) and encodes only
/// what is new, in batches. Vectors stay in the cache (keyed by the content hash, computed once per image); the select
/// stage reads its matrix from there once.
/// </summary>
public sealed class EncoderEmbeddingStage(IImageEncoder encoder, EmbeddingCache cache, int batchSize) : IEmbeddingStage
{
    /// <inheritdoc />
    public string Description => $"{encoder.Description} ({encoder.Dimension}-d, fingerprint {encoder.Fingerprint[..Math.Min(12, encoder.Fingerprint.Length)]})";

    /// <inheritdoc />
    public async Task<EmbeddingResult> EmbedAsync(ILabelingTool tool, IReadOnlyList<RunItem> candidates, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var embedder = new CachedEmbedder(encoder, cache, batchSize, tool.ReadConcurrency);
        var outcome = await embedder.EmbedAsync(candidates.Count, (i, ct) => ReadAsync(tool, candidates[i], ct), keepVectors: false,
            progress is null ? null : new Progress(progress), cancellationToken);
        var items = candidates.Select((c, i) => outcome.Errors[i] is { } error
            ? c with { ContentHash = outcome.Hashes[i], VectorKey = null, Error = error }
            : c with { ContentHash = outcome.Hashes[i], VectorKey = outcome.Hashes[i], Error = null }).ToList();
        return new EmbeddingResult(items, outcome.Encoded, outcome.CacheHits);
    }

    /// <inheritdoc />
    public (VectorMatrix Vectors, IReadOnlyList<RunItem> Labeled) Load(IReadOnlyList<RunItem> embedded, IReadOnlyList<RunItem> labeled)
    {
        var dim = encoder.Dimension;
        var stored = cache.Have(labeled.Where(i => i.ContentHash is not null).Select(i => i.ContentHash!).ToList(), encoder.Fingerprint, dim);
        var found = labeled.Where(i => i.ContentHash is { } h && stored.Contains(h)).Select(i => i with { VectorKey = i.ContentHash }).ToList();
        var data = new float[(long)(embedded.Count + found.Count) * dim];
        var missing = cache.ReadInto(embedded.Select(e => e.VectorKey!).ToList(), encoder.Fingerprint, data, 0, dim);
        if (missing.Count > 0)
            throw new InvalidDataException($"the cached vector of item {embedded[missing[0]].ExternalId} is missing or damaged; run again to re-embed it");
        var lost = cache.ReadInto(found.Select(f => f.VectorKey!).ToList(), encoder.Fingerprint, data, embedded.Count, dim);
        if (lost.Count == 0)
            return (new VectorMatrix(data, embedded.Count + found.Count, dim), found);
        // A labeled row found a moment ago did not decode (logged by the cache): leave it out of the duplicate check.
        var gone = lost.ToHashSet();
        var kept = found.Where((_, i) => !gone.Contains(i)).ToList();
        var compact = new float[(long)(embedded.Count + kept.Count) * dim];
        var row = embedded.Count;
        data.AsSpan(0, embedded.Count * dim).CopyTo(compact);
        for (var i = 0; i < found.Count; i++)
            if (!gone.Contains(i)) data.AsSpan((embedded.Count + i) * dim, dim).CopyTo(compact.AsSpan(row++ * dim, dim));
        return (new VectorMatrix(compact, row, dim), kept);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        encoder.Dispose();
        cache.Dispose();
    }

    // One image's bytes, read asynchronously (an unavailable item is that item's error in CachedEmbedder).
    private static async ValueTask<ReadOnlyMemory<byte>> ReadAsync(ILabelingTool tool, RunItem item, CancellationToken cancellationToken)
    {
        await using var stream = await tool.OpenImageAsync(new SourceItem(item.ExternalId, item.ImageRef, false, null), cancellationToken);
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var buffer))
            return buffer.AsMemory((int)memory.Position);
        using var copy = stream.CanSeek ? new MemoryStream((int)Math.Max(0, stream.Length - stream.Position)) : new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.TryGetBuffer(out var written) ? written.AsMemory() : copy.ToArray();
    }

    private sealed class Progress(IProgress<PipelineProgress> inner) : IProgress<EmbedProgress>
    {
        public void Report(EmbedProgress value) =>
            inner.Report(new PipelineProgress("embed", value.Done, value.Total, $"{value.Cached} cached, {value.Failed} failed, {value.ImagesPerSecond:0} img/s"));
    }
}
