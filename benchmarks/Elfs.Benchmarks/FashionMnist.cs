using System.IO.Compression;

namespace Elfs.Benchmarks;

/// <summary>Reads the Fashion-MNIST IDX files installed by the dataset-fashion-mnist package.</summary>
internal sealed record FashionMnist(byte[] Pixels, int[] Labels, int Count)
{
    public const int Side = 28;
    private const string Directory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The first <paramref name="count"/> images of the train or test split.</summary>
    public static FashionMnist Load(bool train, int count)
    {
        var prefix = train ? "train" : "t10k";
        var images = Read($"{prefix}-images-idx3-ubyte.gz", 16);
        var labels = Read($"{prefix}-labels-idx1-ubyte.gz", 8);
        count = Math.Min(count, labels.Length);
        return new FashionMnist(images[..(count * Side * Side)], labels[..count].Select(b => (int)b).ToArray(), count);
    }

    /// <summary>Pixels scaled to [0, 1], one 784-d row per image (the benchmark's stand-in for an encoder).</summary>
    public float[] PixelEmbeddings() => Pixels.Select(p => p / 255f).ToArray();

    private static byte[] Read(string file, int header)
    {
        using var stream = new GZipStream(File.OpenRead(Path.Combine(Directory, file)), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray()[header..];
    }
}
