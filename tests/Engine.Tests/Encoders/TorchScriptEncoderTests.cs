using Elfs.Engine.Encoders;
using Elfs.Engine.Imaging;

namespace Elfs.Engine.Tests.Encoders;

/// <summary>
/// Runs committed TorchScript fixtures (made by Fixtures/make_torchscript_fixtures.py): pool-project-S.pt maps
/// x [N, 3, s, s] to adaptive_avg_pool2d(x, 2x2) flattened [N, 12] times W, W[i, j] = S * sin(5i + j + 1).
/// </summary>
public sealed class TorchScriptEncoderTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Encoders", "Fixtures");
    private static readonly string PoolProject1 = Path.Combine(Fixtures, "pool-project-1.pt");
    private static readonly string PoolProject2 = Path.Combine(Fixtures, "pool-project-2.pt");

    private readonly string directory = Directory.CreateTempSubdirectory("elfs-ts-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void The_model_gives_the_vectors_computed_here_from_its_definition_and_failed_images_stay_zero()
    {
        float[] mean = [0.4f, 0.5f, 0.6f], std = [0.2f, 0.25f, 0.3f];
        ReadOnlyMemory<byte>[] files =
        [
            TestImages.Encoded(20, 16, ImageFileFormat.Png), TestImages.Encoded(9, 12, ImageFileFormat.Bmp), Array.Empty<byte>(),
            TestImages.Uniform(10, 10, 9, 99, 199, ImageFileFormat.Png),
        ];
        using var encoder = new TorchScriptEncoder(PoolProject1, torch.CPU, inputSize: 8, mean, std, batchSize: 2);

        var result = encoder.Encode(files);

        Assert.Equal(5, encoder.Dimension);
        Assert.False(encoder.HalfPrecision);
        Assert.Equal("empty file (0 bytes)", result.Errors[2]);
        var decoded = ImageDecoder.Decode(files, new ImageDecodeOptions { Resize = 8, Crop = 8, Mean = mean, Std = std });
        for (var image = 0; image < files.Length; image++)
        {
            var expected = image == 2 ? new float[5] : PoolProject(decoded.Pixels.AsSpan(image * 3 * 64, 3 * 64), 8, 1f);
            for (var j = 0; j < 5; j++) Assert.Equal(expected[j], result.Vectors[image * 5 + j], 1e-4);
        }
    }

    [Fact]
    public void Fingerprint_changes_with_model_bytes_input_size_and_normalisation_and_names_the_precision()
    {
        using var a = new TorchScriptEncoder(PoolProject1, torch.CPU, 8);
        using var again = new TorchScriptEncoder(PoolProject1, torch.CPU, 8);
        using var b = new TorchScriptEncoder(PoolProject2, torch.CPU, 8);
        using var larger = new TorchScriptEncoder(PoolProject1, torch.CPU, 16);
        using var normalised = new TorchScriptEncoder(PoolProject1, torch.CPU, 8, [0.5f, 0.5f, 0.5f], [0.5f, 0.5f, 0.5f]);

        Assert.Equal(a.Fingerprint, again.Fingerprint);
        Assert.Equal(4, new[] { a, b, larger, normalised }.Select(e => e.Fingerprint).Distinct().Count());
        var float32 = EncoderFingerprint.Compute(EncoderKinds.TorchScript, EncoderFingerprint.HashFile(PoolProject1), 8,
            TorchScriptEncoder.ImageNetMean, TorchScriptEncoder.ImageNetStd, "float32");
        var float16 = EncoderFingerprint.Compute(EncoderKinds.TorchScript, EncoderFingerprint.HashFile(PoolProject1), 8,
            TorchScriptEncoder.ImageNetMean, TorchScriptEncoder.ImageNetStd, "float16");
        Assert.Equal(float32, a.Fingerprint);
        Assert.NotEqual(float16, float32);
    }

    [Fact]
    public void Encoding_leaves_no_live_tensors()
    {
        using var encoder = new TorchScriptEncoder(PoolProject1, torch.CPU, 8, batchSize: 2);
        ReadOnlyMemory<byte>[] files = [TestImages.Encoded(9, 9, ImageFileFormat.Png), Array.Empty<byte>(), TestImages.Encoded(12, 9, ImageFileFormat.Bmp)];
        encoder.Encode(files);
        var baseline = LiveTensors.OnThisThread;
        encoder.Encode(files);
        Assert.Equal(baseline, LiveTensors.OnThisThread);
    }

    [Fact]
    public void A_model_that_does_not_return_one_vector_per_image_is_refused_with_its_shape()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new TorchScriptEncoder(Path.Combine(Fixtures, "wrong-batch.pt"), torch.CPU, 8));
        Assert.Contains("[1, 3]", e.Message);
        Assert.Contains("one vector per image", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_TorchScript_model_is_named()
    {
        var path = Path.Combine(directory, "notes.pt");
        File.WriteAllText(path, "these are not weights");
        var e = Assert.Throws<InvalidDataException>(() => new TorchScriptEncoder(path, torch.CPU, 8));
        Assert.Contains("notes.pt", e.Message);
        Assert.Contains("is not a TorchScript model", e.Message);
    }

    [Fact]
    public void A_missing_model_file_is_named()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ImageEncoderFactory.Create(new EncoderSpec("torchscript", Path.Combine(directory, "none.pt")), "cpu"));
        Assert.Contains("none.pt", e.Message);
    }

    // The fixture's definition in plain C#: 2x2 average pooling of each channel of an s x s image, then W.
    private static float[] PoolProject(ReadOnlySpan<float> chw, int size, float scale)
    {
        var pooled = new double[12];
        var half = size / 2;
        for (var c = 0; c < 3; c++)
            for (var y = 0; y < size; y++)
                for (var x = 0; x < size; x++)
                    pooled[c * 4 + y / half * 2 + x / half] += chw[(c * size + y) * size + x] / (double)(half * half);
        var result = new float[5];
        for (var j = 0; j < 5; j++)
        {
            double sum = 0;
            for (var i = 0; i < 12; i++) sum += pooled[i] * scale * Math.Sin(5 * i + j + 1);
            result[j] = (float)sum;
        }
        return result;
    }
}
