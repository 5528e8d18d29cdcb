using Elfs.Engine.Imaging;

namespace Elfs.Engine.Encoders;

/// <summary>
/// A user-exported TorchScript image tower (e.g. DINOv2 or CLIP; see examples/export-encoder.md). Input size and
/// mean/std come from the spec or default to 224 and ImageNet's; the output dimension is probed at load with one zero
/// image. On CUDA the model runs in half precision when a half probe gives finite output, else in float32.
/// </summary>
public sealed class TorchScriptEncoder : IImageEncoder
{
    /// <summary>Input side used when the spec gives none.</summary>
    public const int DefaultInputSize = 224;

    /// <summary>ImageNet's per-channel mean, used when the spec gives none.</summary>
    public static IReadOnlyList<float> ImageNetMean { get; } = [0.485f, 0.456f, 0.406f];

    /// <summary>ImageNet's per-channel standard deviation, used when the spec gives none.</summary>
    public static IReadOnlyList<float> ImageNetStd { get; } = [0.229f, 0.224f, 0.225f];

    private readonly jit.ScriptModule<Tensor, Tensor> module;
    private readonly Device device;
    private readonly ImageDecodeOptions decodeOptions;

    /// <summary>Loads <paramref name="modelPath"/> onto <paramref name="device"/> and probes its output.</summary>
    public TorchScriptEncoder(string modelPath, Device device, int? inputSize = null, float[]? mean = null, float[]? std = null,
        int batchSize = 64, ImageDecodeOptions? limits = null)
    {
        if (!File.Exists(modelPath)) throw new FileNotFoundException($"encoder model file '{modelPath}' does not exist", modelPath);
        if (batchSize <= 0) throw new ArgumentException($"batch size must be positive, got {batchSize}");
        InputSize = inputSize ?? DefaultInputSize;
        if (InputSize <= 0) throw new ArgumentException($"encoder input size must be positive, got {InputSize}");
        var m = mean ?? [.. ImageNetMean];
        var s = std ?? [.. ImageNetStd];
        decodeOptions = (limits ?? new ImageDecodeOptions()) with
        {
            Resize = InputSize, Crop = InputSize, Grayscale = false, Interpolation = ResizeFilter.Bicubic, Mean = m, Std = s,
        };
        decodeOptions.Validate();
        this.device = device;
        BatchSize = batchSize;
        EngineRuntime.EnsureConfigured();
        module = Load(modelPath, device);
        try
        {
            Dimension = Probe(ScalarType.Float32);
            if (device.type == DeviceType.CUDA) HalfPrecision = TryHalf();
        }
        catch
        {
            module.Dispose();
            throw;
        }
        Fingerprint = EncoderFingerprint.Compute(EncoderKinds.TorchScript, EncoderFingerprint.HashFile(modelPath), InputSize, m, s,
            HalfPrecision ? "float16" : "float32");
    }

    /// <summary>The square input side.</summary>
    public int InputSize { get; }

    /// <summary>How many images one forward pass takes.</summary>
    public int BatchSize { get; }

    /// <summary>Whether the model runs in float16 (CUDA only).</summary>
    public bool HalfPrecision { get; }

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public string Description => $"torchscript on {DeviceNames.Name(device)}";

    /// <inheritdoc />
    public EncodeBatchResult Encode(IReadOnlyList<ReadOnlyMemory<byte>> images, CancellationToken cancellationToken = default)
    {
        var vectors = new float[images.Count * Dimension];
        var errors = new string?[images.Count];
        for (var start = 0; start < images.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(BatchSize, images.Count - start);
            var chunk = Enumerable.Range(start, count).Select(i => images[i]).ToList();
            EncodeChunk(chunk, vectors.AsSpan(start * Dimension, count * Dimension), errors.AsSpan(start, count));
        }
        return new EncodeBatchResult(vectors, errors);
    }

    private void EncodeChunk(IReadOnlyList<ReadOnlyMemory<byte>> chunk, Span<float> destination, Span<string?> errors)
    {
        using var scope = torch.NewDisposeScope();
        var decoded = ImageDecoder.Decode(chunk, decodeOptions);
        decoded.Errors.ToArray().CopyTo(errors);
        var ok = Enumerable.Range(0, chunk.Count).Where(i => decoded.Errors[i] is null).Select(i => (long)i).ToArray();
        if (ok.Length == 0) return;
        var images = TensorData.FromSpan<float>(decoded.Pixels, [decoded.Count, decoded.Channels, decoded.Height, decoded.Width]);
        var input = ok.Length == chunk.Count ? images : images.index_select(0, torch.tensor(ok));
        var output = Forward(input, HalfPrecision ? ScalarType.Float16 : ScalarType.Float32);
        var rows = output.ToArray<float>();
        for (var k = 0; k < ok.Length; k++)
            rows.AsSpan(k * Dimension, Dimension).CopyTo(destination.Slice((int)ok[k] * Dimension, Dimension));
    }

    // Runs the model on N x 3 x S x S float CPU input; returns N x Dimension float32 on the CPU.
    private Tensor Forward(Tensor input, ScalarType precision)
    {
        using (torch.no_grad())
        {
            var x = input.to(device).to(precision);
            var y = module.forward(x);
            if (y.dim() < 1 || y.shape[0] != input.shape[0])
                throw new InvalidOperationException($"the encoder returned shape [{string.Join(", ", y.shape)}] for a batch of {input.shape[0]}; it must return one vector per image");
            return y.reshape([input.shape[0], -1]).to(ScalarType.Float32).cpu();
        }
    }

    private static jit.ScriptModule<Tensor, Tensor> Load(string modelPath, Device device)
    {
        jit.ScriptModule<Tensor, Tensor> loaded;
        try
        {
            loaded = jit.load<Tensor, Tensor>(modelPath, device);
        }
        catch (Exception e) when (e is System.Runtime.InteropServices.ExternalException or ArgumentException)
        {
            throw new InvalidDataException($"encoder model file '{modelPath}' is not a TorchScript model ({FirstLine(e.Message)})", e);
        }
        loaded.eval();
        return loaded;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private int Probe(ScalarType precision)
    {
        using var scope = torch.NewDisposeScope();
        // Two images, so a model that ignores the batch dimension is refused here rather than mid-run.
        using var zeros = torch.zeros([2, 3, InputSize, InputSize]);
        var output = Forward(zeros, precision);
        return (int)output.shape[1];
    }

    private bool TryHalf()
    {
        try
        {
            module.to(device, ScalarType.Float16);
            using var scope = torch.NewDisposeScope();
            using var zeros = torch.zeros([2, 3, InputSize, InputSize]);
            var output = Forward(zeros, ScalarType.Float16);
            if (output.shape[1] == Dimension && output.isfinite().all().item<bool>()) return true;
        }
        catch (System.Runtime.InteropServices.ExternalException)
        {
            // The model does not run in half precision (an op without a half kernel, or fixed float32 constants).
        }
        module.to(device, ScalarType.Float32);
        return false;
    }

    /// <summary>Frees the model.</summary>
    public void Dispose() => module.Dispose();
}
