using Elfs.Engine.Imaging;

namespace Elfs.Engine.Tests.Encoders;

/// <summary>Small images with known pixels, encoded in memory.</summary>
internal static class TestImages
{
    /// <summary>A width x height RGB image whose pixel (y, x) is (10x + 3, 20y + 5, 7x + 11y) mod 256.</summary>
    public static byte[] Rgb(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var o = (y * width + x) * 3;
                pixels[o] = (byte)((10 * x + 3) % 256);
                pixels[o + 1] = (byte)((20 * y + 5) % 256);
                pixels[o + 2] = (byte)((7 * x + 11 * y) % 256);
            }
        return pixels;
    }

    /// <summary>Encoded RGB image of <see cref="Rgb"/>.</summary>
    public static byte[] Encoded(int width, int height, ImageFileFormat format) => ImageWriter.Encode(Rgb(width, height), width, height, 3, format);

    /// <summary>A uniform RGB image encoded as <paramref name="format"/>.</summary>
    public static byte[] Uniform(int width, int height, byte r, byte g, byte b, ImageFileFormat format)
    {
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i += 3) (pixels[i], pixels[i + 1], pixels[i + 2]) = (r, g, b);
        return ImageWriter.Encode(pixels, width, height, 3, format);
    }

    /// <summary>
    /// A GIF89a with a 256-entry global palette and one frame per array of palette indices, LZW-coded with literal codes only (a
    /// clear code every 100 pixels keeps the code width at 9 bits), which every decoder reads.
    /// </summary>
    public static byte[] Gif(int width, int height, byte[] palette, params byte[][] frames)
    {
        var output = new List<byte>();
        output.AddRange("GIF89a"u8.ToArray());
        AddUInt16(output, width);
        AddUInt16(output, height);
        output.AddRange([0xF7, 0, 0]);
        var table = new byte[768];
        palette.CopyTo(table, 0);
        output.AddRange(table);
        foreach (var indices in frames)
        {
            output.Add(0x2C);
            AddUInt16(output, 0);
            AddUInt16(output, 0);
            AddUInt16(output, width);
            AddUInt16(output, height);
            output.Add(0);
            output.Add(8);
            var data = Lzw(indices);
            for (var i = 0; i < data.Count; i += 255)
            {
                var n = Math.Min(255, data.Count - i);
                output.Add((byte)n);
                output.AddRange(data.GetRange(i, n));
            }
            output.Add(0);
        }
        output.Add(0x3B);
        return [.. output];
    }

    private static List<byte> Lzw(byte[] indices)
    {
        var bytes = new List<byte>();
        var buffer = 0;
        var bits = 0;
        void Emit(int code)
        {
            buffer |= code << bits;
            bits += 9;
            while (bits >= 8)
            {
                bytes.Add((byte)(buffer & 0xFF));
                buffer >>= 8;
                bits -= 8;
            }
        }
        for (var i = 0; i < indices.Length; i++)
        {
            if (i % 100 == 0) Emit(256);
            Emit(indices[i]);
        }
        Emit(257);
        if (bits > 0) bytes.Add((byte)(buffer & 0xFF));
        return bytes;
    }

    private static void AddUInt16(List<byte> output, int value)
    {
        output.Add((byte)(value & 0xFF));
        output.Add((byte)(value >> 8));
    }
}
