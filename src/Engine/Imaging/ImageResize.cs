using SkiaSharp;

namespace Elfs.Engine.Imaging;

/// <summary>
/// Resizes 8-bit RGBA pixels with SkiaSharp. This is the one resize of the product: <see cref="ImageDecoder"/> uses it for
/// its shorter-side resize, and an encoder that needs, e.g., RGB at 224 x 224 calls
/// <c>ImageDecoder.Decode(files, new ImageDecodeOptions { Resize = 224, Crop = 224 })</c>.
/// </summary>
public static unsafe class ImageResize
{
    /// <summary>
    /// Resizes <paramref name="rgba"/> (height x width x 4, row-major, alpha ignored: treated as opaque) to
    /// <paramref name="newWidth"/> x <paramref name="newHeight"/>. Shrinking by a whole factor k ≥ 2 first averages k x k
    /// blocks (as PIL's reducing_gap does), then <paramref name="filter"/> resamples the rest, so large reductions are
    /// antialiased and fast.
    /// </summary>
    public static byte[] Rgba(ReadOnlySpan<byte> rgba, int width, int height, int newWidth, int newHeight, ResizeFilter filter)
    {
        if (width <= 0 || height <= 0 || newWidth <= 0 || newHeight <= 0)
            throw new ArgumentException($"sizes must be positive, got {width}x{height} -> {newWidth}x{newHeight}");
        if (rgba.Length != (long)width * height * 4)
            throw new ArgumentException($"rgba holds {rgba.Length} bytes; {width}x{height}x4 needs {(long)width * height * 4}");
        if (width == newWidth && height == newHeight) return rgba.ToArray();
        var k = Math.Min(width / newWidth, height / newHeight);
        var source = rgba;
        byte[]? reduced = null;
        if (k >= 2)
        {
            reduced = BoxReduce(rgba, width, height, k);
            (width, height) = (width / k, height / k);
            source = reduced;
            if (width == newWidth && height == newHeight) return reduced;
        }
        var result = new byte[newWidth * newHeight * 4];
        var sampling = filter == ResizeFilter.Bicubic
            ? new SKSamplingOptions(SKCubicResampler.Mitchell)
            : new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);
        fixed (byte* s = source)
        fixed (byte* d = result)
        {
            using var from = new SKPixmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque), (nint)s);
            using var to = new SKPixmap(new SKImageInfo(newWidth, newHeight, SKColorType.Rgba8888, SKAlphaType.Opaque), (nint)d);
            if (!from.ScalePixels(to, sampling))
                throw new InvalidOperationException($"SkiaSharp could not resize {width}x{height} to {newWidth}x{newHeight}");
        }
        return result;
    }

    // Averages k x k blocks (rounded); the right and bottom remainders are dropped.
    private static byte[] BoxReduce(ReadOnlySpan<byte> rgba, int width, int height, int k)
    {
        int w = width / k, h = height / k, area = k * k;
        var result = new byte[w * h * 4];
        var sums = new int[w * 4];
        for (var y = 0; y < h; y++)
        {
            Array.Clear(sums);
            for (var dy = 0; dy < k; dy++)
            {
                var row = rgba.Slice((y * k + dy) * width * 4, w * k * 4);
                for (var x = 0; x < w * k; x++)
                    for (var c = 0; c < 4; c++) sums[x / k * 4 + c] += row[x * 4 + c];
            }
            for (var i = 0; i < sums.Length; i++) result[y * w * 4 + i] = (byte)((sums[i] + area / 2) / area);
        }
        return result;
    }
}
