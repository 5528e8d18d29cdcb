using Elfs.Engine.Imaging;
using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Encoders;

public sealed class ImageDecoderTests
{
    private static readonly ImageDecodeOptions Native = new();

    private static float[] Decode(byte[] file, ImageDecodeOptions options, out long[] shape)
    {
        using var decoded = ImageDecoder.Decode([file], options);
        Assert.Null(decoded.Errors[0]);
        shape = decoded.Images.shape;
        return decoded.Images.ToArray<float>();
    }

    // Expected C x H x W floats in [0,1] of TestImages.Rgb.
    private static float[] Expected(int width, int height)
    {
        var rgb = TestImages.Rgb(width, height);
        var result = new float[3 * width * height];
        for (var c = 0; c < 3; c++)
            for (var i = 0; i < width * height; i++)
                result[c * width * height + i] = rgb[i * 3 + c] / 255f;
        return result;
    }

    [Theory]
    [InlineData(ImageFileFormat.Png)]
    [InlineData(ImageFileFormat.Bmp)]
    public void Lossless_formats_round_trip_exactly(ImageFileFormat format)
    {
        var values = Decode(TestImages.Encoded(7, 5, format), Native, out var shape);
        Assert.Equal([1L, 3, 5, 7], shape);
        Assert.Equal(Expected(7, 5), values);
    }

    [Fact]
    public void Jpeg_round_trips_within_tolerance()
    {
        var values = Decode(TestImages.Uniform(16, 16, 200, 100, 30, ImageFileFormat.Jpeg), Native, out var shape);
        Assert.Equal([1L, 3, 16, 16], shape);
        for (var i = 0; i < 256; i++)
        {
            Assert.InRange(values[i], 195 / 255f, 205 / 255f);
            Assert.InRange(values[256 + i], 95 / 255f, 105 / 255f);
            Assert.InRange(values[512 + i], 25 / 255f, 35 / 255f);
        }
    }

    [Fact]
    public void Gif_first_frame_decodes_through_its_palette()
    {
        byte[] palette = [255, 0, 0, 0, 255, 0, 0, 0, 255, 12, 34, 56];
        var indices = Enumerable.Range(0, 12 * 10).Select(i => (byte)(i % 4)).ToArray();
        var second = Enumerable.Repeat((byte)3, 12 * 10).ToArray();
        var values = Decode(TestImages.Gif(12, 10, palette, indices, second), Native, out var shape);
        Assert.Equal([1L, 3, 10, 12], shape);
        for (var i = 0; i < indices.Length; i++)
            for (var c = 0; c < 3; c++)
                Assert.Equal(palette[indices[i] * 3 + c] / 255f, values[c * 120 + i]);
    }

    [Fact]
    public void Gray_and_rgba_sources_become_rgb()
    {
        var gray = ImageWriter.Encode(new byte[] { 0, 64, 128, 255 }, 2, 2, 1, ImageFileFormat.Png);
        var values = Decode(gray, Native, out _);
        Assert.Equal(new[] { 0f, 64 / 255f, 128 / 255f, 1f }, values[..4]);
        Assert.Equal(values[..4], values[4..8]);
        Assert.Equal(values[..4], values[8..12]);

        var rgba = ImageWriter.Encode(new byte[] { 10, 20, 30, 0, 40, 50, 60, 255 }, 2, 1, 4, ImageFileFormat.Png);
        Assert.Equal(new[] { 10 / 255f, 40 / 255f, 20 / 255f, 50 / 255f, 30 / 255f, 60 / 255f }, Decode(rgba, Native, out _));
    }

    [Fact]
    public void Resize_crop_and_normalise_follow_the_options()
    {
        // 8 x 4 uniform: the shorter side 4 -> 2 gives 4 x 2, the center crop 2 x 2; then (v - mean) / std per channel.
        var file = TestImages.Uniform(8, 4, 255, 51, 0, ImageFileFormat.Png);
        var options = new ImageDecodeOptions { Resize = 2, Crop = 2, Mean = [0.5f, 0.2f, 0f], Std = [0.25f, 0.5f, 1f] };
        var values = Decode(file, options, out var shape);
        Assert.Equal([1L, 3, 2, 2], shape);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(2f, values[i], 4);
            Assert.Equal(0f, values[4 + i], 4);
            Assert.Equal(0f, values[8 + i], 4);
        }
    }

    [Fact]
    public void Large_reductions_average_whole_blocks_first()
    {
        // 8 x 8, left half black, right half white: the shorter side 8 -> 2 averages 4 x 4 blocks exactly.
        var pixels = new byte[64];
        for (var i = 0; i < 64; i++) pixels[i] = (byte)(i % 8 < 4 ? 0 : 255);
        var file = ImageWriter.Encode(pixels, 8, 8, 1, ImageFileFormat.Png);
        var values = Decode(file, new ImageDecodeOptions { Resize = 2, Grayscale = true }, out var shape);
        Assert.Equal([1L, 1, 2, 2], shape);
        Assert.Equal(new[] { 0f, 1f, 0f, 1f }, values);
    }

    [Fact]
    public void Bad_items_get_their_reason_and_the_rest_of_the_batch_decodes()
    {
        var good = TestImages.Encoded(6, 6, ImageFileFormat.Png);
        var corrupt = good.ToArray();
        for (var i = 40; i < corrupt.Length - 12; i++) corrupt[i] ^= 0x5A;
        var truncated = good[..(good.Length / 2)];
        var big = TestImages.Uniform(40, 30, 1, 2, 3, ImageFileFormat.Png); // small file, too many pixels
        var text = "name,label\ncat.png,cat\n"u8.ToArray();
        var options = new ImageDecodeOptions { Resize = 6, Crop = 6, MaxPixels = 1000, MaxBytes = 2000 };
        var largeFile = TestImages.Encoded(30, 30, ImageFileFormat.Bmp); // 900 pixels, 2754 bytes
        ReadOnlyMemory<byte>[] batch = [good, corrupt, truncated, Array.Empty<byte>(), big, text, largeFile, good];

        using var decoded = ImageDecoder.Decode(batch, options);

        Assert.Equal([8L, 3, 6, 6], decoded.Images.shape);
        Assert.Null(decoded.Errors[0]);
        Assert.Contains("corrupt", decoded.Errors[1]);
        Assert.Contains("corrupt or truncated", decoded.Errors[2]);
        Assert.Equal("empty file (0 bytes)", decoded.Errors[3]);
        Assert.Contains("40x30 = 1200 pixels, over the limit of 1000 pixels", decoded.Errors[4]);
        Assert.Contains("not a supported image", decoded.Errors[5]);
        Assert.Contains("over the limit of 2000 bytes", decoded.Errors[6]);
        Assert.Null(decoded.Errors[7]);
        var values = decoded.Images.ToArray<float>();
        var item = 3 * 36;
        Assert.Equal(Expected(6, 6), values[..item]);
        Assert.Equal(Expected(6, 6), values[(7 * item)..]);
        Assert.All(values[item..(7 * item)], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Truncated_jpegs_are_per_item_errors()
    {
        var jpeg = TestImages.Encoded(64, 48, ImageFileFormat.Jpeg);
        ReadOnlyMemory<byte>[] batch = [jpeg[..(jpeg.Length / 3)], jpeg[..20], jpeg];
        using var decoded = ImageDecoder.Decode(batch, new ImageDecodeOptions { Resize = 16, Crop = 16 });
        Assert.StartsWith("corrupt or truncated image", decoded.Errors[0]);
        Assert.NotNull(decoded.Errors[1]);
        Assert.Null(decoded.Errors[2]);
        Assert.Equal([3L, 3, 16, 16], decoded.Images.shape);
    }

    [Fact]
    public void Options_are_validated_with_the_setting_named()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageDecoder.Decode([], new ImageDecodeOptions { Mean = [0.5f], Std = [0.5f] }));
        Assert.Contains("Mean must have 3 values", e.Message);
        e = Assert.Throws<ArgumentException>(() => ImageDecoder.Decode([], new ImageDecodeOptions { MaxPixels = 0 }));
        Assert.Contains("MaxPixels", e.Message);
    }

    [Fact]
    public void Decoding_frees_every_tensor()
    {
        var baseline = torch.LiveTensorCount;
        using (ImageDecoder.Decode([TestImages.Encoded(5, 5, ImageFileFormat.Png)], new ImageDecodeOptions { Resize = 4, Crop = 4 })) { }
        Assert.Equal(baseline, torch.LiveTensorCount);
    }
}
