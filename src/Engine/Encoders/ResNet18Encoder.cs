using Elfs.Engine.Encoders.Onnx;
using Elfs.Engine.Imaging;

namespace Elfs.Engine.Encoders;

/// <summary>
/// The pretrained ImageNet ResNet-18 of Microsoft.ML.DnnImageFeaturizer.ResNet18 (MIT; copied into the build output's
/// DnnImageModels/ folder, so there is no file to manage): 224 x 224 input, 512-d pooled features. Its own preprocessing
/// is the package's ResNetPreprocess graph: B, G, R planes of 0-255 values minus a per-pixel mean image, which is read out
/// of that graph once at load. The encoder for photos; it runs through ONNX Runtime like <see cref="OnnxEncoder"/>.
/// </summary>
public sealed class ResNet18Encoder : IImageEncoder
{
    /// <summary>The input side the model is fixed at.</summary>
    public const int InputSize = 224;

    /// <summary>The output dimension.</summary>
    public const int OutputDimension = 512;

    private readonly OnnxModel model;
    private readonly OnnxImagePipeline pipeline;
    private readonly float[] meanImage;

    /// <summary>The model and preprocessing graphs under <paramref name="modelDirectory"/> (default: DnnImageModels next to the program).</summary>
    public static (string Model, string Preprocessing) ModelFiles(string? modelDirectory = null)
    {
        var directory = modelDirectory ?? Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
        return (Path.Combine(directory, "ResNet18Onnx", "ResNet18.onnx"), Path.Combine(directory, "ResNetPrepOnnx", "ResNetPreprocess.onnx"));
    }

    /// <summary>Loads the model from <paramref name="modelDirectory"/> (default: DnnImageModels next to the program) onto <paramref name="device"/>.</summary>
    /// <exception cref="FileNotFoundException">The package's model files are not in the output (a broken build).</exception>
    public ResNet18Encoder(Device device, int batchSize = 64, ImageDecodeOptions? limits = null, string? modelDirectory = null)
    {
        if (batchSize <= 0) throw new ArgumentException($"batch size must be positive, got {batchSize}");
        var (modelPath, prepPath) = ModelFiles(modelDirectory);
        foreach (var path in (string[])[modelPath, prepPath])
            if (!File.Exists(path))
                throw new FileNotFoundException($"the built-in ResNet-18 file '{path}' is missing: the build copies it from the Microsoft.ML.DnnImageFeaturizer.ResNet18 package (rebuild, or check that the output folder was copied whole)", path);
        EngineRuntime.EnsureConfigured();
        meanImage = ReadMeanImage(prepPath);
        model = new OnnxModel(modelPath, device, torch.get_num_threads());
        try
        {
            if (model.FixedInputSize != InputSize || model.OutputNames.Count != 1)
                throw new InvalidDataException($"'{modelPath}' is not the expected ResNet-18 (input {model.FixedInputSize}, outputs {string.Join(", ", model.OutputNames)})");
            var decodeOptions = (limits ?? new ImageDecodeOptions()) with
            {
                Resize = InputSize, Crop = InputSize, Grayscale = false, Interpolation = ResizeFilter.Bicubic, Mean = null, Std = null,
            };
            pipeline = new OnnxImagePipeline(model, decodeOptions, InputSize, Prepare, batchSize);
            var dimension = pipeline.Probe(1);
            if (dimension != OutputDimension) throw new InvalidDataException($"'{modelPath}' returned {dimension} values per image, not {OutputDimension}");
        }
        catch
        {
            model.Dispose();
            throw;
        }
        Fingerprint = EncoderFingerprint.Compute(EncoderKinds.ResNet18,
            $"{EncoderFingerprint.HashFile(modelPath)}+{EncoderFingerprint.HashFile(prepPath)}", InputSize, null, null, model.InputType,
            $"channels=bgr;scale=255;mean=ResNetPreprocess;output={model.Output};resize=bicubic-shorter+center-crop",
            "onnxruntime-" + OnnxModel.RuntimeVersion);
    }

    /// <summary>The ONNX Runtime execution provider in use: <c>CPUExecutionProvider</c> or <c>CUDAExecutionProvider</c>.</summary>
    public string Provider => model.Provider;

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public int Dimension => OutputDimension;

    /// <inheritdoc />
    public string Description => $"resnet18 on {Provider}";

    /// <inheritdoc />
    public EncodeBatchResult Encode(IReadOnlyList<ReadOnlyMemory<byte>> images, CancellationToken cancellationToken = default) =>
        pipeline.Encode(images, Dimension, cancellationToken);

    // R, G, B planes in [0,1] to B, G, R planes of 0-255 values minus the mean image, in place.
    private void Prepare(Span<float> image)
    {
        OnnxImagePipeline.SwapRedBlue(image);
        for (var i = 0; i < image.Length; i++) image[i] = image[i] * 255f - meanImage[i];
    }

    // The preprocessing graph is x - M (checked: it maps 0 to -M and 255 to 255 - M); M is read once here.
    private static float[] ReadMeanImage(string prepPath)
    {
        using var prep = new OnnxModel(prepPath, torch.CPU, 1);
        var zeros = new float[3 * InputSize * InputSize];
        var full = Enumerable.Repeat(255f, zeros.Length).ToArray();
        var atZero = prep.Run(zeros, 1, InputSize);
        var atFull = prep.Run(full, 1, InputSize);
        for (var i = 0; i < atZero.Length; i++)
            if (Math.Abs(atFull[i] - atZero[i] - 255f) > 1e-3f)
                throw new InvalidDataException($"'{prepPath}' is not a mean subtraction (at element {i}: 0 -> {atZero[i]}, 255 -> {atFull[i]})");
        return [.. atZero.Select(v => -v)];
    }

    /// <summary>Frees the session.</summary>
    public void Dispose() => model.Dispose();
}
