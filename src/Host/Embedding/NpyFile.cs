using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Elfs.Host.Embedding;

/// <summary>Reads and writes 2-D little-endian float32/float64 NumPy <c>.npy</c> files (C order).</summary>
public static partial class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a matrix; throws <see cref="InvalidDataException"/> naming the file and what is wrong.</summary>
    public static VectorMatrix Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
            throw new InvalidDataException($"{path}: not a .npy file (bad magic)");
        var major = bytes[6];
        var headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)) : (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        var headerStart = major == 1 ? 10 : 12;
        var header = Encoding.ASCII.GetString(bytes, headerStart, headerLength);
        var descr = Descr().Match(header).Groups[1].Value;
        if (header.Contains("'fortran_order': True", StringComparison.Ordinal))
            throw new InvalidDataException($"{path}: Fortran-order arrays are not supported; save with np.ascontiguousarray");
        var shape = Shape().Match(header);
        if (!shape.Success)
            throw new InvalidDataException($"{path}: the array is not 2-D (rows, dimension)");
        var rows = int.Parse(shape.Groups[1].Value, CultureInfo.InvariantCulture);
        var dim = int.Parse(shape.Groups[2].Value, CultureInfo.InvariantCulture);
        var data = bytes.AsSpan(headerStart + headerLength);
        var result = new float[(long)rows * dim];
        if (descr == "<f4")
        {
            if (data.Length < result.Length * 4)
                throw new InvalidDataException($"{path}: truncated ({data.Length} bytes of data for {rows}x{dim} float32)");
            for (var i = 0; i < result.Length; i++)
                result[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(i * 4)..]);
        }
        else if (descr == "<f8")
        {
            if (data.Length < result.Length * 8)
                throw new InvalidDataException($"{path}: truncated ({data.Length} bytes of data for {rows}x{dim} float64)");
            for (var i = 0; i < result.Length; i++)
                result[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(data[(i * 8)..]);
        }
        else
        {
            throw new InvalidDataException($"{path}: dtype '{descr}' is not supported; use float32 (<f4) or float64 (<f8)");
        }
        return new VectorMatrix(result, rows, dim);
    }

    /// <summary>Writes a float32 matrix.</summary>
    public static void Write(string path, VectorMatrix matrix)
    {
        var header = string.Create(CultureInfo.InvariantCulture, $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({matrix.Rows}, {matrix.Dimension}), }}");
        var padded = header.PadRight(((10 + header.Length + 1 + 63) / 64 * 64) - 10 - 1) + "\n";
        using var stream = File.Create(path);
        stream.Write(Magic);
        stream.Write([1, 0]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)padded.Length);
        stream.Write(length);
        stream.Write(Encoding.ASCII.GetBytes(padded));
        var buffer = new byte[matrix.Data.Length * 4];
        for (var i = 0; i < matrix.Data.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(i * 4), matrix.Data[i]);
        stream.Write(buffer);
    }

    [GeneratedRegex(@"'descr':\s*'([^']*)'")]
    private static partial Regex Descr();

    [GeneratedRegex(@"'shape':\s*\(\s*(\d+)\s*,\s*(\d+)\s*,?\s*\)")]
    private static partial Regex Shape();
}
