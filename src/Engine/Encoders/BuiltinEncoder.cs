using Elfs.Engine.Imaging;
using Elfs.Engine.Torch;

namespace Elfs.Engine.Encoders;

/// <summary>
/// The weight-free default: gray image resized to the input size, two-scale signed HOG (3240 values) and a fixed seeded
/// random projection to 256 dimensions. Nothing is fitted to the data, so a vector depends only on its image and
/// <see cref="Version"/>, and the cache stays valid as the dataset grows. It is far weaker than a pretrained encoder
/// (see benchmarks/results/encoders.md); use a TorchScript model where one is available.
/// </summary>
public sealed class BuiltinEncoder : IImageEncoder
{
    /// <summary>The version of the recipe; part of the fingerprint. Change it whenever the vectors would change.</summary>
    public const string Version = "hog4s+hog7s/l2/gauss-proj256-seed20260101/v1";

    /// <summary>Default square input side (Fashion-MNIST's).</summary>
    public const int DefaultInputSize = 28;

    /// <summary>The output dimension.</summary>
    public const int OutputDimension = 256;

    private const ulong ProjectionSeed = 20260101;
    private readonly Tensor projection;
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
            Resize = InputSize, Crop = InputSize, Grayscale = true, Interpolation = InterpolationMode.Bilinear, Mean = null, Std = null,
        };
        projection = torch.tensor(SeededProjection.Create(HogFeatures.Dimension, OutputDimension, ProjectionSeed),
            [HogFeatures.Dimension, OutputDimension]).DetachFromDisposeScope();
        Fingerprint = EncoderFingerprint.Compute(EncoderKinds.Builtin, Version, InputSize, null, null);
    }

    /// <summary>The square side images are resized and cropped to.</summary>
    public int InputSize { get; }

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public int Dimension => OutputDimension;

    /// <inheritdoc />
    public EncodeBatchResult Encode(IReadOnlyList<ReadOnlyMemory<byte>> images, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = torch.NewDisposeScope();
        using var decoded = ImageDecoder.Decode(images, decodeOptions);
        var vectors = new float[images.Count * Dimension];
        if (images.Count > 0)
        {
            var features = EncodePixels(decoded.Images.squeeze(1));
            features.CopyTo<float>(vectors);
            for (var i = 0; i < images.Count; i++)
                if (decoded.Errors[i] is not null) Array.Clear(vectors, i * Dimension, Dimension);
        }
        return new EncodeBatchResult(vectors, decoded.Errors);
    }

    /// <summary>Vectors of N x S x S gray images in [0,1] that are already at the input size: N x 256.</summary>
    public Tensor EncodePixels(Tensor images)
    {
        using var hog = HogFeatures.Compute(images);
        return hog.mm(projection);
    }

    /// <summary>Frees the projection matrix.</summary>
    public void Dispose() => projection.Dispose();
}
