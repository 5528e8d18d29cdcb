using System.IO.Compression;

namespace Elfs.Benchmarks.Engine;

/// <summary>Fashion-MNIST from Debian's dataset-fashion-mnist (gzip IDX files).</summary>
internal sealed record FashionMnist(float[] Images, int[] Labels, int Count)
{
    public const string Directory = "/usr/share/datasets/fashion-mnist";
    public const int Pixels = 28 * 28;

    public static FashionMnist Load(bool train)
    {
        var prefix = train ? "train" : "t10k";
        var images = ReadIdx(Path.Combine(Directory, $"{prefix}-images-idx3-ubyte.gz"), 0x803);
        var labels = ReadIdx(Path.Combine(Directory, $"{prefix}-labels-idx1-ubyte.gz"), 0x801);
        return new FashionMnist(images.Select(b => b / 255f).ToArray(), labels.Select(b => (int)b).ToArray(), labels.Length);
    }

    private static byte[] ReadIdx(string path, int magic)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var bytes = memory.ToArray();
        int BigEndian(int offset) => bytes[offset] << 24 | bytes[offset + 1] << 16 | bytes[offset + 2] << 8 | bytes[offset + 3];
        if (BigEndian(0) != magic) throw new InvalidDataException($"{path}: bad IDX magic");
        var dims = magic & 0xFF;
        return bytes[(4 + 4 * dims)..];
    }
}
