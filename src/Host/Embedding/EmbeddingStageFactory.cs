using System.Globalization;
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
        var precision = elfs.Storage.EmbeddingPrecision.Equals("float16", StringComparison.OrdinalIgnoreCase) ? EmbeddingPrecision.Float16 : EmbeddingPrecision.Float32;
        var encoder = CreateEncoder(project, elfs);
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

    /// <summary>The spec a project's Encoder settings describe (not for <c>precomputed</c>).</summary>
    public static EncoderSpec SpecOf(ProjectOptions project)
    {
        ArgumentNullException.ThrowIfNull(project);
        static string? Set(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        var kind = project.EncoderKind switch
        {
            EncoderKind.ResNet18 => EncoderKinds.ResNet18,
            EncoderKind.Onnx => EncoderKinds.Onnx,
            EncoderKind.TorchScript => EncoderKinds.TorchScript,
            _ => EncoderKinds.Builtin,
        };
        var modelFile = kind is EncoderKinds.Onnx or EncoderKinds.TorchScript;
        return new EncoderSpec(kind, modelFile ? project.EncoderPath : null, project.EncoderInputSize,
            Set(project.EncoderMean) is { } mean ? EncoderSpec.ParseValues(mean) : null, Set(project.EncoderStd) is { } std ? EncoderSpec.ParseValues(std) : null,
            Set(project.EncoderChannelOrder), Set(project.EncoderOutput));
    }

    // A setting the model needs but neither it nor the configuration gives is a configuration problem naming its key.
    private static IImageEncoder CreateEncoder(ProjectOptions project, ElfsOptions elfs)
    {
        try
        {
            return ImageEncoderFactory.Create(SpecOf(project), elfs.Engine.Device, elfs.Engine.EncodeBatchSize);
        }
        catch (EncoderSettingException e)
        {
            var index = elfs.Projects.FindIndex(p => string.Equals(p.Name, project.Name, StringComparison.OrdinalIgnoreCase));
            throw new ConfigurationException([string.Create(CultureInfo.InvariantCulture, $"{ElfsOptions.SectionName}:Projects:{index}:{e.Setting}: {e.Reason}")]);
        }
    }
}
