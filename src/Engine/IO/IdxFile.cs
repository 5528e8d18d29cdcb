using System.Buffers.Binary;
using System.IO.Compression;

namespace Elfs.Engine.IO;

/// <summary>Reads unsigned-byte IDX files (the MNIST format), plain or gzip-compressed (by a .gz name).</summary>
public static class IdxFile
{
    /// <summary>Reads the dimensions and the data, at most <paramref name="limit"/> items along the first dimension.</summary>
    public static (int[] Dimensions, byte[] Data) Read(string path, int? limit = null)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        Span<byte> header = stackalloc byte[4];
        stream.ReadExactly(header);
        if (header[0] != 0 || header[1] != 0 || header[2] != 0x08)
            throw new InvalidDataException($"'{path}' is not an unsigned-byte IDX file (magic {Convert.ToHexString(header)}, expected 000008xx)");
        var dimensions = new int[header[3]];
        if (dimensions.Length == 0) throw new InvalidDataException($"'{path}' declares no dimensions");
        Span<byte> size = stackalloc byte[4];
        for (var i = 0; i < dimensions.Length; i++)
        {
            stream.ReadExactly(size);
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(size);
            if (dimensions[i] < 0) throw new InvalidDataException($"'{path}' has a negative dimension {dimensions[i]}");
        }
        if (limit is < 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "limit must be >= 0");
        if (limit is not null && limit < dimensions[0]) dimensions[0] = limit.Value;
        var itemSize = dimensions.Skip(1).Aggregate(1L, (a, d) => a * d);
        var data = new byte[checked(dimensions[0] * itemSize)];
        try
        {
            stream.ReadExactly(data);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"'{path}' ends before its {dimensions[0]} items");
        }
        return (dimensions, data);
    }
}
