using Elfs.Engine.Imaging;

namespace Elfs.Engine.Tests.Encoders;

public sealed class ImageDecoderTests
{
    private static readonly ImageDecodeOptions Native = new();

    private static float[] Decode(byte[] file, ImageDecodeOptions options, out int[] shape)
    {
        var decoded = ImageDecoder.Decode([file], options);
        Assert.Null(decoded.Errors[0]);
        shape = [decoded.Count, decoded.Channels, decoded.Height, decoded.Width];
        return decoded.Pixels;
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
    [InlineData(ImageFileFormat.Webp)]
    public void Lossless_formats_round_trip_exactly(ImageFileFormat format)
    {
        var values = Decode(TestImages.Encoded(7, 5, format), Native, out var shape);
        Assert.Equal([1, 3, 5, 7], shape);
        Assert.Equal(Expected(7, 5), values);
    }

    [Fact]
    public void Jpeg_round_trips_within_tolerance()
    {
        var values = Decode(TestImages.Uniform(16, 16, 200, 100, 30, ImageFileFormat.Jpeg), Native, out var shape);
        Assert.Equal([1, 3, 16, 16], shape);
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
        Assert.Equal([1, 3, 10, 12], shape);
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
        Assert.Equal([1, 3, 2, 2], shape);
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
        Assert.Equal([1, 1, 2, 2], shape);
        Assert.Equal(new[] { 0f, 1f, 0f, 1f }, values);
    }

    [Theory]
    [InlineData(ResizeFilter.Bilinear)]
    [InlineData(ResizeFilter.Bicubic)]
    public void Resizing_keeps_a_smooth_image_close_to_its_average(ResizeFilter filter)
    {
        // A horizontal ramp 0..255 over 300 x 200 resized to 224 on the shorter side: still a ramp, in order, within range.
        var pixels = new byte[300 * 200];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i % 300 * 255 / 299);
        var file = ImageWriter.Encode(pixels, 300, 200, 1, ImageFileFormat.Png);
        var values = Decode(file, new ImageDecodeOptions { Resize = 50, Crop = 50, Grayscale = true, Interpolation = filter }, out var shape);
        Assert.Equal([1, 1, 50, 50], shape);
        for (var x = 1; x < 50; x++) Assert.True(values[x] >= values[x - 1] - 1e-6, $"column {x} of the ramp is not in order");
        // Crop of the 75 x 50 resize keeps columns 12..61, i.e. source x ≈ 48..245: the middle column is ≈ 0.49.
        Assert.InRange(values[25 * 50 + 25], 0.45f, 0.55f);
    }

    [Fact]
    public void Bad_items_get_their_true_reason_and_the_rest_of_the_batch_decodes()
    {
        var good = TestImages.Encoded(6, 6, ImageFileFormat.Png);
        var corrupt = good.ToArray();
        for (var i = 40; i < corrupt.Length - 12; i++) corrupt[i] ^= 0x5A;
        var truncated = good[..(good.Length / 2)];
        var big = ImageWriter.Encode(new byte[40 * 30], 40, 30, 1, ImageFileFormat.Png); // small file, too many pixels
        var text = "name,label\ncat.png,cat\n"u8.ToArray();
        var options = new ImageDecodeOptions { Resize = 6, Crop = 6, MaxPixels = 1000, MaxBytes = 2000 };
        var largeFile = TestImages.Encoded(30, 30, ImageFileFormat.Bmp); // 900 pixels, 2754 bytes
        ReadOnlyMemory<byte>[] batch = [good, corrupt, truncated, Array.Empty<byte>(), big, text, largeFile, good];

        var decoded = ImageDecoder.Decode(batch, options);

        Assert.Equal([8, 3, 6, 6], new[] { decoded.Count, decoded.Channels, decoded.Height, decoded.Width });
        Assert.Null(decoded.Errors[0]);
        Assert.Contains("corrupt", decoded.Errors[1]);
        Assert.Contains("PNG", decoded.Errors[1]);
        Assert.Contains("PNG", decoded.Errors[2]);
        Assert.Equal("empty file (0 bytes)", decoded.Errors[3]);
        Assert.Contains("40x30 = 1200 pixels, over the limit of 1000 pixels (ImageDecodeOptions.MaxPixels)", decoded.Errors[4]);
        Assert.Contains("not a supported image: unknown format", decoded.Errors[5]);
        Assert.Contains("over the limit of 2000 bytes (ImageDecodeOptions.MaxBytes)", decoded.Errors[6]);
        Assert.Null(decoded.Errors[7]);
        var item = 3 * 36;
        Assert.Equal(Expected(6, 6), decoded.Pixels[..item]);
        Assert.Equal(Expected(6, 6), decoded.Pixels[(7 * item)..]);
        Assert.All(decoded.Pixels[item..(7 * item)], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Truncated_jpegs_say_jpeg_not_png()
    {
        var jpeg = TestImages.Encoded(64, 48, ImageFileFormat.Jpeg);
        ReadOnlyMemory<byte>[] batch = [jpeg[..(jpeg.Length / 3)], jpeg[..20], jpeg];
        var decoded = ImageDecoder.Decode(batch, new ImageDecodeOptions { Resize = 16, Crop = 16 });
        Assert.StartsWith("truncated JPEG image", decoded.Errors[0]);
        Assert.Contains("JPEG", decoded.Errors[1]);
        Assert.DoesNotContain("png", decoded.Errors[1], StringComparison.OrdinalIgnoreCase);
        Assert.Null(decoded.Errors[2]);
        Assert.Equal(3 * 3 * 16 * 16, decoded.Pixels.Length);
    }

    [Fact]
    public void A_huge_png_is_refused_by_its_header_naming_the_pixel_limit()
    {
        // A valid PNG header announcing 100000 x 100000 pixels; its pixels are never decoded (they are not even there).
        var png = PngHeader(100_000, 100_000);
        var decoded = ImageDecoder.Decode([png], new ImageDecodeOptions());
        Assert.Equal($"image is 100000x100000 = 10000000000 pixels, over the limit of {ImageDecodeOptions.DefaultMaxPixels} pixels (ImageDecodeOptions.MaxPixels)", decoded.Errors[0]);
    }

    [Fact]
    public void Options_are_validated_with_the_setting_named()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageDecoder.Decode([], new ImageDecodeOptions { Mean = [0.5f], Std = [0.5f] }));
        Assert.Contains("Mean must have 3 values", e.Message);
        e = Assert.Throws<ArgumentException>(() => ImageDecoder.Decode([], new ImageDecodeOptions { MaxPixels = 0 }));
        Assert.Contains("MaxPixels", e.Message);
    }

    [RealPhotosFact]
    public void Real_photos_decode_in_every_stored_form()
    {
        // 8-bit RGB, gray, RGBA, palette and 16-bit PNGs and baseline JPEGs as shipped, each to 3 x 32 x 32 in [0,1].
        string[] names = ["astronaut.png", "camera.png", "horse.png", "green_palette.png", "chessboard_RGB.png", "rocket.jpg", "hubble_deep_field.jpg", "no_time_for_that_tiny.gif"];
        var files = names.Select(n => (ReadOnlyMemory<byte>)RealPhotos.Read(n)).ToList();
        var decoded = ImageDecoder.Decode(files, new ImageDecodeOptions { Resize = 32, Crop = 32 });
        for (var i = 0; i < names.Length; i++)
        {
            Assert.True(decoded.Errors[i] is null, $"{names[i]}: {decoded.Errors[i]}");
            var item = decoded.Item(i);
            Assert.All(item.ToArray(), v => Assert.InRange(v, 0f, 1f));
            Assert.True(item.ToArray().Distinct().Count() > 2, $"{names[i]} decoded to a flat image");
        }
    }

    [RealPhotosFact]
    public void A_truncated_real_jpeg_says_truncated_jpeg()
    {
        // skimage's truncated.jpg ends inside its headers.
        var decoded = ImageDecoder.Decode([RealPhotos.Read("truncated.jpg")], new ImageDecodeOptions());
        Assert.StartsWith("corrupt or truncated JPEG image", decoded.Errors[0]);
    }

    private static byte[] PngHeader(int width, int height)
    {
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        (ihdr[8], ihdr[9]) = (8, 2);
        var bytes = new List<byte>([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10]);
        void Chunk(string type, byte[] data)
        {
            var length = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            bytes.AddRange(length);
            var body = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            bytes.AddRange(body);
            var crc = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(body));
            bytes.AddRange(crc);
        }
        static uint Crc32(byte[] data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in data)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
            return ~crc;
        }
        Chunk("IHDR", ihdr);
        Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk("IEND", []);
        return [.. bytes];
    }
}
