using Elfs.Engine.Encoders;
using Elfs.Engine.Imaging;

namespace Elfs.Engine.Tests.Encoders;

public sealed class BuiltinEncoderTests
{
    private static byte[] RandomGray(int seed, int side)
    {
        var random = new Random(seed);
        var pixels = new byte[side * side];
        random.NextBytes(pixels);
        return pixels;
    }

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    public void Hog_matches_the_written_recipe(int cell)
    {
        var pixels = RandomGray(cell, 28);
        var image = new float[28, 28];
        for (var i = 0; i < 28 * 28; i++) image[i / 28, i % 28] = pixels[i] / 255f;
        var expected = HogReference.Compute(image, cell);

        var actual = ImageFeatures.Hog(pixels.Select(p => p / 255f).ToArray(), 1, 28, 28, cell);

        Assert.Equal(cell == 4 ? 2592 : 648, actual.Length);
        for (var i = 0; i < actual.Length; i++) Assert.Equal(expected[i], actual[i], 1e-5);
    }

    [Fact]
    public void Encoding_png_files_equals_encoding_their_pixels_and_failures_are_zero_rows()
    {
        using var encoder = new BuiltinEncoder();
        var a = RandomGray(1, 28);
        var b = RandomGray(2, 28);
        ReadOnlyMemory<byte>[] files =
        [
            ImageWriter.Encode(a, 28, 28, 1, ImageFileFormat.Png), "not an image"u8.ToArray(),
            ImageWriter.Encode(b, 28, 28, 1, ImageFileFormat.Png),
        ];

        var result = encoder.Encode(files);

        Assert.Equal(256, encoder.Dimension);
        Assert.Equal(3 * 256, result.Vectors.Length);
        Assert.Null(result.Errors[0]);
        Assert.Contains("not a supported image", result.Errors[1]);
        Assert.Null(result.Errors[2]);
        Assert.All(result.Vectors[256..512], v => Assert.Equal(0f, v));
        var direct = encoder.EncodePixels(a.Concat(b).Select(p => p / 255f).ToArray(), 2);
        for (var i = 0; i < 256; i++)
        {
            Assert.Equal(direct[i], result.Vectors[i], 1e-5);
            Assert.Equal(direct[256 + i], result.Vectors[512 + i], 1e-5);
        }
        Assert.Contains(result.Vectors[..256], v => v != 0f);
    }

    [Fact]
    public void Vectors_match_the_removed_native_code_on_the_same_pixels()
    {
        using var encoder = new BuiltinEncoder();
        foreach (var c in NativeHogFixture.Load())
        {
            var actual = encoder.EncodePixels(c.Input, 1);
            for (var i = 0; i < actual.Length; i++) Assert.True(Math.Abs(c.Vector[i] - actual[i]) < 1e-5, $"{c.Name}[{i}]: {actual[i]} vs native {c.Vector[i]}");
        }
    }

    [Fact]
    public void Fashion_mnist_pngs_encode_as_the_removed_native_code_did()
    {
        // 28 x 28 PNGs need no resize, so the SkiaSharp decode gives the very pixels stb gave: same vectors.
        using var encoder = new BuiltinEncoder();
        foreach (var c in NativeHogFixture.Load().Where(c => c.Name.StartsWith("fashion-mnist", StringComparison.Ordinal)))
        {
            var png = ImageWriter.Encode(c.Input.Select(v => (byte)Math.Round(v * 255)).ToArray(), 28, 28, 1, ImageFileFormat.Png);
            var result = encoder.Encode([png]);
            Assert.Null(result.Errors[0]);
            for (var i = 0; i < 256; i++) Assert.Equal(c.Vector[i], result.Vectors[i], 1e-5);
        }
    }

    [RealPhotosFact]
    public void Real_photos_encode_close_to_the_removed_native_code()
    {
        // The resize changed (SkiaSharp instead of libtorch's antialiased kernels), so photos differ a little: vectors stay close.
        using var encoder = new BuiltinEncoder();
        var cosines = new List<(string Name, double Cosine)>();
        foreach (var c in NativeHogFixture.Load().Where(c => c.Name.StartsWith("skimage:", StringComparison.Ordinal)))
        {
            var result = encoder.Encode([RealPhotos.Read(c.Name["skimage:".Length..])]);
            Assert.Null(result.Errors[0]);
            cosines.Add((c.Name, Cosine(result.Vectors, c.Vector)));
        }
        Assert.True(cosines.All(c => c.Cosine > MinPhotoCosine), string.Join("; ", cosines.Select(c => $"{c.Name}: {c.Cosine:F4}")));
    }

    private const double MinPhotoCosine = 0.98; // measured 0.9937 (rocket.jpg) to 0.9999

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++) (dot, na, nb) = (dot + a[i] * (double)b[i], na + a[i] * (double)a[i], nb + b[i] * (double)b[i]);
        return dot / Math.Sqrt(na * nb);
    }

    [Fact]
    public void Fingerprint_is_stable_and_depends_on_the_input_size()
    {
        using var a = new BuiltinEncoder();
        using var b = new BuiltinEncoder();
        using var c = new BuiltinEncoder(56);
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.NotEqual(a.Fingerprint, c.Fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", a.Fingerprint);
        Assert.Throws<ArgumentException>(() => new BuiltinEncoder(30));
    }

    [Fact]
    public void Projection_depends_only_on_its_seed()
    {
        Assert.Equal(SeededProjection.Create(10, 4, 7), SeededProjection.Create(10, 4, 7));
        Assert.NotEqual(SeededProjection.Create(10, 4, 7), SeededProjection.Create(10, 4, 8));
        var big = SeededProjection.Create(1000, 100, 1);
        Assert.Equal(0.01, big.Average(v => (double)v * v), 0.001);
    }

    [Fact]
    public void Factory_builds_the_builtin_encoder_and_names_bad_kinds()
    {
        using var encoder = ImageEncoderFactory.Create(EncoderSpec.Parse("builtin"), "cpu");
        Assert.IsType<BuiltinEncoder>(encoder);
        var e = Assert.Throws<ArgumentException>(() => EncoderSpec.Parse("clip:model.onnx"));
        Assert.Contains("allowed: builtin, resnet18, onnx:FILE, torchscript:FILE", e.Message);
        Assert.Equal(new EncoderSpec(EncoderKinds.Onnx, "m.onnx"), EncoderSpec.Parse("ONNX:m.onnx"));
        Assert.Equal(new EncoderSpec(EncoderKinds.ResNet18), EncoderSpec.Parse("resnet18"));
        Assert.Throws<ArgumentException>(() => ImageEncoderFactory.Create(new EncoderSpec("torchscript")));
    }

    [Fact]
    public void Vectors_cached_by_the_native_code_are_recomputed()
    {
        // The default built-in fingerprint before the SkiaSharp/C# port (stb decode, image_hog.cpp): it must not match.
        using var encoder = new BuiltinEncoder();
        Assert.NotEqual("2a66a95b4d0f2f8e7faf130dadf944aff7bf696332fe54813ef1e847ac0cb4b9", encoder.Fingerprint);
    }
}
