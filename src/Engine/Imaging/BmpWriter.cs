using System.Buffers.Binary;

namespace Elfs.Engine.Imaging;

/// <summary>Writes 24-bit uncompressed Windows bitmaps (SkiaSharp reads BMP but does not write it).</summary>
internal static class BmpWriter
{
    /// <summary>Encodes interleaved 1-4 channel pixels (gray, gray+alpha, RGB, RGBA); alpha is dropped.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels)
    {
        var stride = (width * 3 + 3) & ~3;
        const int headers = 14 + 40;
        var file = new byte[headers + stride * height];
        var f = file.AsSpan();
        "BM"u8.CopyTo(f);
        BinaryPrimitives.WriteInt32LittleEndian(f[2..], file.Length);
        BinaryPrimitives.WriteInt32LittleEndian(f[10..], headers);
        BinaryPrimitives.WriteInt32LittleEndian(f[14..], 40);
        BinaryPrimitives.WriteInt32LittleEndian(f[18..], width);
        BinaryPrimitives.WriteInt32LittleEndian(f[22..], height);
        BinaryPrimitives.WriteInt16LittleEndian(f[26..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(f[28..], 24);
        BinaryPrimitives.WriteInt32LittleEndian(f[34..], stride * height);
        for (var y = 0; y < height; y++)
        {
            var row = f.Slice(headers + (height - 1 - y) * stride, stride);
            for (var x = 0; x < width; x++)
            {
                var s = pixels.Slice((y * width + x) * channels, channels);
                var gray = channels < 3;
                row[x * 3] = gray ? s[0] : s[2];
                row[x * 3 + 1] = gray ? s[0] : s[1];
                row[x * 3 + 2] = s[0];
            }
        }
        return file;
    }
}
