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
    /// Of <paramref name="items"/>, those whose vector is already stored (no image is read), each with its vector key:
    /// labeled items embedded while they were candidates of earlier runs.
    /// </summary>
    IReadOnlyList<RunItem> WithStoredVectors(IReadOnlyList<RunItem> items);

    /// <summary>The vectors of <paramref name="embedded"/> (each with a vector key), one row each, in order.</summary>
    VectorMatrix Load(IReadOnlyList<RunItem> embedded);
}
