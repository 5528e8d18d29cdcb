using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Elfs.Engine.IO;

/// <summary>
/// Reads and writes 2-D NumPy <c>.npy</c> matrices (format 1.0–3.0). Reading accepts little- or big-endian float32 and
/// float16 in C order; writing produces little-endian float32, C order, format 1.0.
/// </summary>
public static partial class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a 2-D float matrix as row-major float32; throws <see cref="InvalidDataException"/> naming the problem.</summary>
    public static NpyMatrix Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a 2-D float matrix from a stream; <paramref name="name"/> is used in error messages.</summary>
    public static NpyMatrix Read(Stream stream, string name = "npy")
    {
        var header = ReadHeader(stream, name);
        var descr = HeaderField(header, "descr", name);
        var fortran = HeaderField(header, "fortran_order", name);
        var shapeText = HeaderField(header, "shape", name);
        if (fortran != "False")
            throw new InvalidDataException($"{name}: fortran_order is {fortran}; only C-order arrays are supported (save with np.ascontiguousarray)");
        var shape = ParseShape(shapeText, name);
        if (shape.Length != 2)
            throw new InvalidDataException($"{name}: array has {shape.Length} dimension(s) (shape {shapeText}); a 2-D rows x dim matrix is required");
        var (bytesPerValue, bigEndian, half) = descr switch
        {
            "<f4" or "=f4" => (4, false, false),
            ">f4" => (4, true, false),
            "<f2" or "=f2" => (2, false, true),
            ">f2" => (2, true, true),
            _ => throw new InvalidDataException($"{name}: dtype '{descr}' is not supported; use float32 ('<f4') or float16 ('<f2')"),
        };
        var (rows, cols) = (shape[0], shape[1]);
        if (rows > int.MaxValue || cols > int.MaxValue || rows * cols > Array.MaxLength)
            throw new InvalidDataException($"{name}: shape ({rows}, {cols}) is too large");
        var count = checked((int)(rows * cols));
        var raw = new byte[(long)count * bytesPerValue];
        stream.ReadExactly(raw);
        var data = new float[count];
        for (var i = 0; i < count; i++)
        {
            var span = raw.AsSpan(i * bytesPerValue, bytesPerValue);
            data[i] = half
                ? (float)(bigEndian ? BinaryPrimitives.ReadHalfBigEndian(span) : BinaryPrimitives.ReadHalfLittleEndian(span))
                : bigEndian ? BinaryPrimitives.ReadSingleBigEndian(span) : BinaryPrimitives.ReadSingleLittleEndian(span);
        }
        return new NpyMatrix(data, (int)rows, (int)cols);
    }

    /// <summary>Writes a rows x cols float32 matrix (row-major) as a C-order little-endian <c>.npy</c> file.</summary>
    public static void Write(string path, ReadOnlySpan<float> data, int rows, int cols)
    {
        using var stream = File.Create(path);
        Write(stream, data, rows, cols);
    }

    /// <summary>Writes a rows x cols float32 matrix (row-major) to a stream in <c>.npy</c> format 1.0.</summary>
    public static void Write(Stream stream, ReadOnlySpan<float> data, int rows, int cols)
    {
        if (rows < 0 || cols < 0) throw new ArgumentOutOfRangeException(nameof(rows), "rows and cols must be non-negative");
        if (data.Length != (long)rows * cols)
            throw new ArgumentException($"data has {data.Length} values but rows x cols is {(long)rows * cols}", nameof(data));
        var dict = string.Create(CultureInfo.InvariantCulture, $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({rows}, {cols}), }}");
        // Header (magic 6 + version 2 + length 2 + dict + newline) padded with spaces to a multiple of 64 bytes.
        var unpadded = 10 + dict.Length + 1;
        var padding = (64 - unpadded % 64) % 64;
        var headerText = dict + new string(' ', padding) + "\n";
        stream.Write(Magic);
        stream.Write([1, 0]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)headerText.Length);
        stream.Write(length);
        stream.Write(Encoding.ASCII.GetBytes(headerText));
        var buffer = new byte[Math.Min(data.Length, 1 << 16) * 4];
        for (var start = 0; start < data.Length; start += buffer.Length / 4)
        {
            var n = Math.Min(buffer.Length / 4, data.Length - start);
            for (var i = 0; i < n; i++) BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(i * 4, 4), data[start + i]);
            stream.Write(buffer, 0, n * 4);
        }
    }

    private static string ReadHeader(Stream stream, string name)
    {
        Span<byte> prefix = stackalloc byte[8];
        try { stream.ReadExactly(prefix); }
        catch (EndOfStreamException) { throw new InvalidDataException($"{name}: file is too short to be a .npy file"); }
        if (!prefix[..6].SequenceEqual(Magic)) throw new InvalidDataException($"{name}: not a .npy file (magic bytes missing)");
        var major = prefix[6];
        int headerLength;
        if (major == 1)
        {
            Span<byte> len = stackalloc byte[2];
            stream.ReadExactly(len);
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(len);
        }
        else if (major is 2 or 3)
        {
            Span<byte> len = stackalloc byte[4];
            stream.ReadExactly(len);
            headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(len));
        }
        else throw new InvalidDataException($"{name}: .npy format version {major} is not supported (1, 2 or 3)");
        var header = new byte[headerLength];
        try { stream.ReadExactly(header); }
        catch (EndOfStreamException) { throw new InvalidDataException($"{name}: .npy header is truncated"); }
        return major == 3 ? Encoding.UTF8.GetString(header) : Encoding.Latin1.GetString(header);
    }

    private static string HeaderField(string header, string key, string name)
    {
        var match = FieldPattern().Matches(header).FirstOrDefault(m => m.Groups["key"].Value == key)
            ?? throw new InvalidDataException($"{name}: .npy header has no '{key}' entry");
        return match.Groups["value"].Value.Trim().Trim('\'', '"');
    }

    private static long[] ParseShape(string text, string name)
    {
        var inner = text.Trim().TrimStart('(').TrimEnd(')');
        var parts = inner.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var shape = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!long.TryParse(parts[i].TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out shape[i]))
                throw new InvalidDataException($"{name}: shape '{text}' is not a tuple of integers");
        return shape;
    }

    [GeneratedRegex(@"['""](?<key>descr|fortran_order|shape)['""]\s*:\s*(?<value>\([^)]*\)|'[^']*'|""[^""]*""|True|False)")]
    private static partial Regex FieldPattern();
}
