using SkiaSharp;

namespace Elfs.Engine.Imaging;

/// <summary>
/// Decodes PNG (8/16-bit, gray, palette, alpha), JPEG (incl. CMYK and progressive), GIF (first frame), BMP and WebP files
/// in parallel with SkiaSharp, resizes the shorter side (<see cref="ImageResize"/>), center-crops and normalises them into
/// one float batch. The file size and the header's dimensions are checked against the limits before any pixel is
/// decoded; a bad item gets its reason and the batch goes on without it. Alpha is dropped (the colour is kept as stored),
/// no colour-space conversion is applied, and gray is stb's luminance (77 R + 150 G + 29 B) / 256.
/// </summary>
public static unsafe class ImageDecoder
{
    /// <summary>Decodes <paramref name="images"/> with <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">An option is invalid (named in the message).</exception>
    public static DecodedImages Decode(IReadOnlyList<ReadOnlyMemory<byte>> images, ImageDecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var count = images.Count;
        var decoded = new Rgba?[count];
        var errors = new string?[count];
        Parallel.For(0, count, i =>
        {
            try
            {
                decoded[i] = Prepare(images[i].Span, options, out errors[i]);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                errors[i] = $"decoding failed: {e.Message}";
            }
        });
        var first = decoded.FirstOrDefault(d => d is not null);
        int h = options.Crop ?? first?.Height ?? 0, w = options.Crop ?? first?.Width ?? 0;
        for (var i = 0; i < count; i++)
            if (decoded[i] is { } d && (d.Width != w || d.Height != h))
            {
                errors[i] = $"image is {d.Width}x{d.Height} but the batch is {w}x{h} (use a resize and crop)";
                decoded[i] = null;
            }
        var channels = options.Channels;
        var pixels = new float[(long)count * channels * h * w];
        Parallel.For(0, count, i =>
        {
            if (decoded[i] is { } d) ToPlanar(d, options, pixels.AsSpan(i * channels * h * w, channels * h * w));
        });
        return new DecodedImages(pixels, count, channels, h, w, errors);
    }

    private sealed record Rgba(byte[] Pixels, int Width, int Height);

    // Decodes, resizes and crops one file to 8-bit RGBA, or returns null with the reason.
    private static Rgba? Prepare(ReadOnlySpan<byte> file, ImageDecodeOptions options, out string? error)
    {
        error = null;
        if (file.Length == 0) { error = "empty file (0 bytes)"; return null; }
        if (file.Length > options.MaxBytes)
        {
            error = $"file is {file.Length} bytes, over the limit of {options.MaxBytes} bytes (ImageDecodeOptions.MaxBytes)";
            return null;
        }
        var format = ImageSignature.Name(file);
        if (format is null)
        {
            error = $"not a supported image: unknown format ({ImageSignature.Supported} expected; the file starts with {Describe(file)})";
            return null;
        }
        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data);
        if (codec is null) { error = $"corrupt or truncated {format} image: its header could not be read"; return null; }
        var info = codec.Info;
        var pixelCount = (long)info.Width * info.Height;
        if (pixelCount > options.MaxPixels)
        {
            error = $"image is {info.Width}x{info.Height} = {pixelCount} pixels, over the limit of {options.MaxPixels} pixels (ImageDecodeOptions.MaxPixels)";
            return null;
        }
        var rgba = new byte[pixelCount * 4];
        SKCodecResult result;
        fixed (byte* p = rgba)
            result = codec.GetPixels(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul), (nint)p);
        if (result != SKCodecResult.Success)
        {
            error = result switch
            {
                SKCodecResult.IncompleteInput => $"truncated {format} image: the data ends before the last pixel",
                SKCodecResult.ErrorInInput => $"corrupt {format} image: its pixel data is invalid",
                _ => $"{format} image could not be decoded ({result})",
            };
            return null;
        }
        var image = new Rgba(rgba, info.Width, info.Height);
        if (options.Resize is { } shorter) image = ResizeShorter(image, shorter, options.Interpolation);
        if (options.Crop is { } crop)
        {
            if (image.Width < crop || image.Height < crop)
            {
                error = $"image is {image.Width}x{image.Height} after resizing, smaller than the {crop}x{crop} crop";
                return null;
            }
            image = CenterCrop(image, crop);
        }
        return image;
    }

    private static Rgba ResizeShorter(Rgba image, int shorter, ResizeFilter filter)
    {
        int h = image.Height, w = image.Width, nh, nw;
        if (h <= w) { nh = shorter; nw = (int)Math.Max(1, (long)w * shorter / h); }
        else { nw = shorter; nh = (int)Math.Max(1, (long)h * shorter / w); }
        return nh == h && nw == w ? image : new Rgba(ImageResize.Rgba(image.Pixels, w, h, nw, nh, filter), nw, nh);
    }

    private static Rgba CenterCrop(Rgba image, int crop)
    {
        if (image.Width == crop && image.Height == crop) return image;
        int top = (image.Height - crop) / 2, left = (image.Width - crop) / 2;
        var result = new byte[crop * crop * 4];
        for (var y = 0; y < crop; y++)
            image.Pixels.AsSpan(((top + y) * image.Width + left) * 4, crop * 4).CopyTo(result.AsSpan(y * crop * 4));
        return new Rgba(result, crop, crop);
    }

    // Writes C x H x W floats in [0,1] (gray: stb's luminance), then (v - mean) / std when given.
    private static void ToPlanar(Rgba image, ImageDecodeOptions options, Span<float> destination)
    {
        var plane = image.Width * image.Height;
        var p = image.Pixels;
        if (options.Grayscale)
            for (var i = 0; i < plane; i++)
                destination[i] = ((p[i * 4] * 77 + p[i * 4 + 1] * 150 + p[i * 4 + 2] * 29) >> 8) / 255f;
        else
            for (var c = 0; c < 3; c++)
                for (var i = 0; i < plane; i++) destination[c * plane + i] = p[i * 4 + c] / 255f;
        if (options.Mean is not { } mean || options.Std is not { } std) return;
        for (var c = 0; c < options.Channels; c++)
        {
            var span = destination.Slice(c * plane, plane);
            for (var i = 0; i < span.Length; i++) span[i] = (span[i] - mean[c]) / std[c];
        }
    }

    private static string Describe(ReadOnlySpan<byte> file) =>
        "0x" + Convert.ToHexString(file[..Math.Min(8, file.Length)]);
}
