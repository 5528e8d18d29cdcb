using Elfs.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Elfs.Host.Embedding;

/// <summary>Creates each project's embed stage from its Encoder setting.</summary>
public sealed class EmbeddingStageFactory(IOptions<ElfsOptions> options) : IEmbeddingStageFactory
{
    /// <inheritdoc />
    public IEmbeddingStage Create(ProjectOptions project) => project.EncoderKind switch
    {
        EncoderKind.Precomputed => new PrecomputedEmbeddingStage(project.EncoderPath!),
        _ => throw new NotSupportedException($"project {project.Name}: Encoder {project.Encoder} is not available in this build ({options.Value.Storage.Path})"),
    };
}
