using Elfs.Engine.Encoders.Onnx;
using Elfs.Engine.Imaging;

namespace Elfs.Engine.Encoders;

/// <summary>
/// Any image model exported to ONNX (DINOv2, CLIP's image tower, a team's own; see examples/export-encoder.md), run by
/// ONNX Runtime: the CUDA provider on a CUDA device, the CPU provider otherwise (<see cref="Provider"/>). Input size,
/// mean/std, channel order and the output used come from the model where it says them, else from the spec
/// (<see cref="OnnxPreprocessing"/>). A dynamic batch dimension takes slices of a batch, a batch fixed at 1 takes the
/// images one by one; on the CPU either way runs on every engine thread. The output dimension is probed at load.
/// </summary>
public sealed class OnnxEncoder : IImageEncoder
{
    private readonly OnnxModel model;
    private readonly OnnxImagePipeline pipeline;

    /// <summary>Loads <paramref name="spec"/>'s model onto <paramref name="device"/> and probes its output.</summary>
    /// <exception cref="EncoderSettingException">A setting is missing, malformed or contradicts the model (named).</exception>
    public OnnxEncoder(EncoderSpec spec, Device device, int batchSize = 64, ImageDecodeOptions? limits = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrWhiteSpace(spec.ModelPath)) throw new EncoderSettingException("EncoderPath", "is empty; encoder kind 'onnx' needs the model file (onnx:FILE)");
        if (batchSize <= 0) throw new ArgumentException($"batch size must be positive, got {batchSize}");
        EngineRuntime.EnsureConfigured();
        model = new OnnxModel(spec.ModelPath, device, torch.get_num_threads());
        try
        {
            Preprocessing = OnnxPreprocessing.Resolve(model.FixedInputSize, model.Metadata, model.OutputNames, spec);
            model.UseOutput(Preprocessing.Output);
            var bgr = Preprocessing.ChannelOrder == "bgr";
            var decodeOptions = (limits ?? new ImageDecodeOptions()) with
            {
                Resize = InputSize, Crop = InputSize, Grayscale = false, Interpolation = ResizeFilter.Bicubic,
                // The decoder normalises RGB planes; a BGR model's mean/std are in B, G, R order.
                Mean = bgr ? [.. Preprocessing.Mean.Reverse()] : Preprocessing.Mean,
                Std = bgr ? [.. Preprocessing.Std.Reverse()] : Preprocessing.Std,
            };
            decodeOptions.Validate();
            pipeline = new OnnxImagePipeline(model, decodeOptions, InputSize, bgr ? OnnxImagePipeline.SwapRedBlue : _ => { }, batchSize);
            Dimension = pipeline.Probe(2);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        Fingerprint = EncoderFingerprint.Compute(EncoderKinds.Onnx, EncoderFingerprint.HashFile(spec.ModelPath), InputSize,
            Preprocessing.Mean, Preprocessing.Std, model.InputType, Preprocessing.Details, "onnxruntime-" + OnnxModel.RuntimeVersion);
    }

    /// <summary>The resolved preprocessing.</summary>
    public OnnxPreprocessing Preprocessing { get; }

    /// <summary>The square input side.</summary>
    public int InputSize => Preprocessing.InputSize;

    /// <summary>The model's input element type: <c>float32</c> or <c>float16</c>.</summary>
    public string InputType => model.InputType;

    /// <summary>Whether the model's batch is fixed at 1.</summary>
    public bool FixedBatch => model.FixedBatch;

    /// <summary>The ONNX Runtime execution provider in use: <c>CPUExecutionProvider</c> or <c>CUDAExecutionProvider</c>.</summary>
    public string Provider => model.Provider;

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public string Description => $"onnx on {Provider}";

    /// <inheritdoc />
    public EncodeBatchResult Encode(IReadOnlyList<ReadOnlyMemory<byte>> images, CancellationToken cancellationToken = default) =>
        pipeline.Encode(images, Dimension, cancellationToken);

    /// <summary>Frees the session.</summary>
    public void Dispose() => model.Dispose();
}
