using SkiaSharp;

namespace Elfs.Engine.Imaging;

/// <summary>
/// Encodes 8-bit pixels as PNG, JPEG or WebP (SkiaSharp) or BMP (<see cref="BmpWriter"/>), e.g. for the demo's images,
/// the report's image strips and test or benchmark corpora.
/// </summary>
public static unsafe class ImageWriter
{
    /// <summary>
    /// Encodes <paramref name="pixels"/> (height x width x channels, row-major, interleaved; 1 gray, 2 gray+alpha,
    /// 3 RGB, 4 RGBA) as <paramref name="format"/>; <paramref name="quality"/> (1..100) applies to JPEG.
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels, ImageFileFormat format, int quality = 95)
    {
        if (width <= 0 || height <= 0) throw new ArgumentException($"width and height must be positive, got {width}x{height}");
        if (channels is < 1 or > 4) throw new ArgumentException($"channels must be 1..4, got {channels}");
        if (pixels.Length != (long)width * height * channels)
            throw new ArgumentException($"pixels holds {pixels.Length} bytes; {width}x{height}x{channels} needs {(long)width * height * channels}");
        if (quality is < 1 or > 100) throw new ArgumentException($"quality must be 1..100, got {quality}");
        if (format == ImageFileFormat.Bmp) return BmpWriter.Encode(pixels, width, height, channels);
        if (!Enum.IsDefined(format)) throw new ArgumentException($"format must be Png, Bmp, Jpeg or Webp, got {format}");
        var (info, data) = channels == 1
            ? (new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque), pixels.ToArray())
            : (new SKImageInfo(width, height, SKColorType.Rgba8888, channels is 2 or 4 ? SKAlphaType.Unpremul : SKAlphaType.Opaque),
                ToRgba(pixels, channels));
        fixed (byte* p = data)
        {
            using var pixmap = new SKPixmap(info, (nint)p);
            using var encoded = format switch
            {
                ImageFileFormat.Png => pixmap.Encode(new SKPngEncoderOptions()),
                ImageFileFormat.Jpeg => pixmap.Encode(new SKJpegEncoderOptions(quality)),
                _ => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 100)),
            };
            return encoded?.ToArray() ?? throw new InvalidOperationException($"SkiaSharp could not encode a {width}x{height} image as {format}");
        }
    }

    private static byte[] ToRgba(ReadOnlySpan<byte> pixels, int channels)
    {
        var count = pixels.Length / channels;
        var rgba = new byte[count * 4];
        for (var i = 0; i < count; i++)
        {
            var s = pixels.Slice(i * channels, channels);
            var d = rgba.AsSpan(i * 4, 4);
            if (channels == 2) (d[0], d[1], d[2], d[3]) = (s[0], s[0], s[0], s[1]);
            else (d[0], d[1], d[2], d[3]) = (s[0], s[1], s[2], channels == 4 ? s[3] : (byte)255);
        }
        return rgba;
    }
}
