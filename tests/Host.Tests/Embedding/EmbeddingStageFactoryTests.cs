using Elfs.Host.Configuration;
using Elfs.Host.Embedding;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Elfs.Host.Tests.Embedding;

public sealed class EmbeddingStageFactoryTests : IDisposable
{
    private static readonly string PackageModel = Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private IEmbeddingStage Create(ProjectOptions project)
    {
        var options = new ElfsOptions { Projects = [new ProjectOptions { Name = "first", Folder = _temp.Path }, project] };
        options.Storage.Path = _temp.File("elfs.db");
        return new EmbeddingStageFactory(Options.Create(options), NullLoggerFactory.Instance).Create(project);
    }

    [Fact]
    public void A_setting_the_onnx_model_lacks_is_named_by_its_project_key()
    {
        var project = new ProjectOptions { Name = "photos", Folder = _temp.Path, Encoder = "onnx", EncoderPath = PackageModel, EncoderStd = "0.004,0.004,0.004" };
        var e = Assert.Throws<ConfigurationException>(() => Create(project));
        Assert.StartsWith("Elfs:Projects:1:EncoderMean: the ONNX model does not say three per-channel means", Assert.Single(e.Problems));
    }

    [Fact]
    public void The_stage_reports_the_encoder_and_its_execution_provider()
    {
        using var resnet = Create(new ProjectOptions { Name = "photos", Folder = _temp.Path, Encoder = "resnet18" });
        Assert.StartsWith("resnet18 on CPUExecutionProvider (512-d, fingerprint ", resnet.Description);
        using var onnx = Create(new ProjectOptions
        {
            Name = "photos", Folder = _temp.Path, Encoder = "ONNX", EncoderPath = PackageModel, EncoderMean = "0.40,0.45,0.48",
            EncoderStd = "0.0039,0.0039,0.0039", EncoderChannelOrder = "BGR",
        });
        Assert.StartsWith("onnx on CPUExecutionProvider (512-d, fingerprint ", onnx.Description);
        using var hog = Create(new ProjectOptions { Name = "photos", Folder = _temp.Path });
        Assert.StartsWith("builtin (HOG) (256-d, fingerprint ", hog.Description);
    }
}
