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
    /// The stored vectors of those <paramref name="items"/> that have one (no image is read), e.g. labeled items embedded
    /// while they were candidates of earlier runs, with the items found, in the matrix's row order.
    /// </summary>
    (VectorMatrix Vectors, IReadOnlyList<RunItem> Found) LoadStored(IReadOnlyList<RunItem> items);

    /// <summary>The vectors of <paramref name="embedded"/> (each with a vector key), one row each, in order.</summary>
    VectorMatrix Load(IReadOnlyList<RunItem> embedded);
}
