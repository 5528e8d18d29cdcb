using Elfs.Engine.Torch;

namespace Elfs.Engine.Imaging;

/// <summary>Encodes 8-bit pixels as PNG, BMP or JPEG bytes (stb_image_write), e.g. to build test or benchmark corpora.</summary>
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
        fixed (byte* p = pixels)
        {
            using var bytes = Tensor.Wrap(NativeMethods.elfs_image_encode(p, width, height, channels, (int)format, quality), "encoding image");
            return bytes.ToArray<byte>();
        }
    }
}
