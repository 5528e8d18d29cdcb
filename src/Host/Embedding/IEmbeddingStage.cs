using Elfs.Connector;
using Elfs.Host.Runs;
using Elfs.Host.Storage;

namespace Elfs.Host.Embedding;

/// <summary>The embed stage of a run: gives every candidate a vector (cached) or a reason why not.</summary>
public interface IEmbeddingStage : IDisposable
{
    /// <summary>What encodes, for reports (kind and fingerprint).</summary>
    string Description { get; }

    /// <summary>Embeds <paramref name="candidates"/>, reading images through <paramref name="tool"/>.</summary>
    Task<EmbeddingResult> EmbedAsync(ILabelingTool tool, IReadOnlyList<RunItem> candidates, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// The select stage's matrix, read once: one row per item of <paramref name="embedded"/> (each with a vector key), in
    /// order, then the rows of those <paramref name="labeled"/> items that have a stored vector (no image is read), e.g.
    /// labeled items embedded while they were candidates of earlier runs; returns the labeled items found, in row order.
    /// </summary>
    (VectorMatrix Vectors, IReadOnlyList<RunItem> Labeled) Load(IReadOnlyList<RunItem> embedded, IReadOnlyList<RunItem> labeled);
}
