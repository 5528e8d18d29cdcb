using Elfs.Connector;
using Elfs.Host.Runs;
using Elfs.Host.Storage;

namespace Elfs.Host.Embedding;

/// <summary>The embed stage for <c>Encoder = precomputed</c>: looks each candidate up by item id; reads no image.</summary>
public sealed class PrecomputedEmbeddingStage(string path) : IEmbeddingStage
{
    private readonly Lazy<(IReadOnlyDictionary<string, float[]> Vectors, int Dimension)> _file = new(() => PrecomputedVectors.Load(path));

    /// <inheritdoc />
    public string Description => $"precomputed ({Path.GetFileName(path)})";

    /// <inheritdoc />
    public Task<EmbeddingResult> EmbedAsync(ILabelingTool tool, IReadOnlyList<RunItem> candidates, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var vectors = _file.Value.Vectors;
        var items = candidates.Select(c => vectors.ContainsKey(c.ExternalId)
            ? c with { VectorKey = c.ExternalId, Error = null }
            : c with { VectorKey = null, Error = $"no precomputed vector for this item in {path}" }).ToList();
        var found = items.Count(i => i.VectorKey is not null);
        progress?.Report(new PipelineProgress("embed", candidates.Count, candidates.Count, "precomputed"));
        return Task.FromResult(new EmbeddingResult(items, 0, found));
    }

    /// <inheritdoc />
    public (VectorMatrix Vectors, IReadOnlyList<RunItem> Labeled) Load(IReadOnlyList<RunItem> embedded, IReadOnlyList<RunItem> labeled)
    {
        var (vectors, dim) = _file.Value;
        var found = labeled.Where(i => vectors.ContainsKey(i.ExternalId)).Select(i => i with { VectorKey = i.ExternalId }).ToList();
        var data = new float[(long)(embedded.Count + found.Count) * dim];
        var row = 0;
        foreach (var item in embedded.Concat(found))
        {
            if (!vectors.TryGetValue(item.VectorKey!, out var v))
                throw new InvalidDataException($"{path}: the vector of item {item.ExternalId} disappeared since the embed stage");
            v.CopyTo(data, row++ * dim);
        }
        return (new VectorMatrix(data, row, dim), found);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
