using Elfs.Engine.Encoders;
using Elfs.Host.Configuration;
using Elfs.Host.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Elfs.Host.Embedding;

/// <summary>Creates each project's embed stage from its Encoder setting; vectors are cached in the store's SQLite file.</summary>
public sealed class EmbeddingStageFactory(IOptions<ElfsOptions> options, ILoggerFactory loggers) : IEmbeddingStageFactory
{
    /// <inheritdoc />
    public IEmbeddingStage Create(ProjectOptions project)
    {
        if (project.EncoderKind == EncoderKind.Precomputed)
            return new PrecomputedEmbeddingStage(project.EncoderPath!);
        var elfs = options.Value;
        var spec = project.EncoderKind == EncoderKind.TorchScript
            ? new EncoderSpec(EncoderKinds.TorchScript, project.EncoderPath, project.EncoderInputSize)
            : new EncoderSpec(EncoderKinds.Builtin, InputSize: project.EncoderInputSize);
        var precision = elfs.Storage.EmbeddingPrecision.Equals("float16", StringComparison.OrdinalIgnoreCase) ? EmbeddingPrecision.Float16 : EmbeddingPrecision.Float32;
        var encoder = ImageEncoderFactory.Create(spec, elfs.Engine.Device);
        try
        {
            var cache = new EmbeddingCache(elfs.Storage.Path, precision, loggers.CreateLogger<EmbeddingCache>());
            return new EncoderEmbeddingStage(encoder, cache, elfs.Engine.EncodeBatchSize);
        }
        catch
        {
            encoder.Dispose();
            throw;
        }
    }
}
