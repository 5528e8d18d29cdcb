using System.Numerics.Tensors;
using Elfs.Engine.Imaging;

namespace Elfs.Engine.Encoders;

/// <summary>
/// The weight-free default: gray image resized to the input size, two-scale signed HOG (3240 values) and a fixed seeded
/// random projection to 256 dimensions. Nothing is fitted to the data, so a vector depends only on its image and
/// <see cref="Version"/>, and the cache stays valid as the dataset grows. It is far weaker than a pretrained encoder
/// (see benchmarks/results/encoders.md); use <see cref="ResNet18Encoder"/> for photos, or your own ONNX or TorchScript model.
/// </summary>
public sealed class BuiltinEncoder : IImageEncoder
{
    /// <summary>The version of the recipe; part of the fingerprint. Change it whenever the vectors would change.</summary>
    public const string Version = "hog4s+hog7s/l2/gauss-proj256-seed20260101/v2-csharp";

    /// <summary>Default square input side (Fashion-MNIST's).</summary>
    public const int DefaultInputSize = 28;

    /// <summary>The output dimension.</summary>
    public const int OutputDimension = 256;

    private const ulong ProjectionSeed = 20260101;
    private readonly float[] projection;
    private readonly ImageDecodeOptions decodeOptions;

    /// <summary>Creates the encoder; <paramref name="inputSize"/> must be a positive multiple of 28.</summary>
    public BuiltinEncoder(int? inputSize = null, ImageDecodeOptions? limits = null)
    {
        InputSize = inputSize ?? DefaultInputSize;
        if (InputSize <= 0 || InputSize % 28 != 0)
            throw new ArgumentException($"the built-in encoder's input size must be a positive multiple of 28 (28, 56, 84, ...), got {InputSize}");
        var baseOptions = limits ?? new ImageDecodeOptions();
        decodeOptions = baseOptions with
        {
            Resize = InputSize, Crop = InputSize, Grayscale = true, Interpolation = ResizeFilter.Bilinear, Mean = null, Std = null,
        };
        projection = SeededProjection.Create(HogFeatures.Dimension, OutputDimension, ProjectionSeed);
        Fingerprint = EncoderFingerprint.Compute(EncoderKinds.Builtin, Version, InputSize, null, null);
    }

    /// <summary>The square side images are resized and cropped to.</summary>
    public int InputSize { get; }

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public int Dimension => OutputDimension;

    /// <inheritdoc />
    public string Description => "builtin (HOG)";

    /// <inheritdoc />
    public EncodeBatchResult Encode(IReadOnlyList<ReadOnlyMemory<byte>> images, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var decoded = ImageDecoder.Decode(images, decodeOptions);
        var vectors = new float[images.Count * Dimension];
        if (images.Count > 0)
        {
            EncodePixels(decoded.Pixels, images.Count).CopyTo(vectors, 0);
            for (var i = 0; i < images.Count; i++)
                if (decoded.Errors[i] is not null) Array.Clear(vectors, i * Dimension, Dimension);
        }
        return new EncodeBatchResult(vectors, decoded.Errors);
    }

    /// <summary>
    /// Vectors of <paramref name="count"/> S x S gray images in [0,1] (row-major, one after another) that are already at
    /// the input size: count x 256 floats (HOG features times the fixed projection).
    /// </summary>
    public float[] EncodePixels(ReadOnlySpan<float> images, int count)
    {
        var hog = HogFeatures.Compute(images, count, InputSize);
        var result = new float[count * Dimension];
        Parallel.For(0, count, i =>
        {
            var features = hog.AsSpan(i * HogFeatures.Dimension, HogFeatures.Dimension);
            var row = result.AsSpan(i * Dimension, Dimension);
            for (var k = 0; k < features.Length; k++)
                if (features[k] != 0f) TensorPrimitives.MultiplyAdd(projection.AsSpan(k * Dimension, Dimension), features[k], row, row);
        });
        return result;
    }

    /// <summary>Nothing to free: the encoder holds only managed arrays.</summary>
    public void Dispose()
    {
    }
}
