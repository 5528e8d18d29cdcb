using Elfs.Engine.Encoders;
using Elfs.Engine.Imaging;
using Elfs.Engine.Torch;

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
    public void Native_hog_matches_the_written_recipe(int cell)
    {
        var pixels = RandomGray(cell, 28);
        var image = new float[28, 28];
        for (var i = 0; i < 28 * 28; i++) image[i / 28, i % 28] = pixels[i] / 255f;
        var expected = HogReference.Compute(image, cell);

        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(pixels.Select(p => p / 255f).ToArray(), [1, 28, 28]);
        var actual = ImageFeatures.Hog(t, cell).ToArray<float>();

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
        using var scope = torch.NewDisposeScope();
        var pixels = torch.tensor(a.Concat(b).Select(p => p / 255f).ToArray(), [2, 28, 28]);
        var direct = encoder.EncodePixels(pixels).ToArray<float>();
        for (var i = 0; i < 256; i++)
        {
            Assert.Equal(direct[i], result.Vectors[i], 1e-5);
            Assert.Equal(direct[256 + i], result.Vectors[512 + i], 1e-5);
        }
        Assert.Contains(result.Vectors[..256], v => v != 0f);
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
        var e = Assert.Throws<ArgumentException>(() => EncoderSpec.Parse("onnx:model.onnx"));
        Assert.Contains("allowed: builtin, torchscript:FILE", e.Message);
        Assert.Throws<ArgumentException>(() => ImageEncoderFactory.Create(new EncoderSpec("torchscript")));
    }

    [Fact]
    public void Encoding_leaves_no_live_tensors()
    {
        using var encoder = new BuiltinEncoder();
        var file = ImageWriter.Encode(RandomGray(9, 28), 28, 28, 1, ImageFileFormat.Png);
        encoder.Encode([file]);
        var baseline = torch.LiveTensorCount;
        for (var i = 0; i < 3; i++) encoder.Encode([file, file, Array.Empty<byte>()]);
        Assert.Equal(baseline, torch.LiveTensorCount);
    }
}
