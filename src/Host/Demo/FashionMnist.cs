using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace Elfs.Host.Demo;

/// <summary>Reads Debian's <c>dataset-fashion-mnist</c> IDX files and exports images as PNG.</summary>
public static class FashionMnist
{
    /// <summary>Where Debian installs the dataset.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>Reads the first <paramref name="count"/> images of <c>t10k</c> (test) or <c>train</c>: (pixels, rows, cols).</summary>
    public static (byte[][] Images, int Rows, int Columns) ReadImages(string directory, string split, int count)
    {
        var path = Path.Combine(directory, $"{split}-images-idx3-ubyte.gz");
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} is missing; install it with: apt-get install dataset-fashion-mnist", path);
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        Span<byte> header = stackalloc byte[16];
        stream.ReadExactly(header);
        if (BinaryPrimitives.ReadInt32BigEndian(header) != 0x00000803)
            throw new InvalidDataException($"{path}: not an IDX image file");
        var total = BinaryPrimitives.ReadInt32BigEndian(header[4..]);
        var rows = BinaryPrimitives.ReadInt32BigEndian(header[8..]);
        var cols = BinaryPrimitives.ReadInt32BigEndian(header[12..]);
        var n = Math.Min(count, total);
        var images = new byte[n][];
        for (var i = 0; i < n; i++)
        {
            images[i] = new byte[rows * cols];
            stream.ReadExactly(images[i]);
        }
        return (images, rows, cols);
    }

    /// <summary>Exports the first <paramref name="count"/> test images to <paramref name="folder"/> as <c>fmnist-00000.png</c>…; returns the file paths.</summary>
    public static IReadOnlyList<string> ExportPng(string folder, int count, string directory = DefaultDirectory)
    {
        Directory.CreateDirectory(folder);
        var (images, rows, cols) = ReadImages(directory, "t10k", count);
        var paths = new string[images.Length];
        Parallel.For(0, images.Length, i =>
        {
            paths[i] = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"fmnist-{i:00000}.png"));
            File.WriteAllBytes(paths[i], PngWriter.Grayscale(images[i], cols, rows));
        });
        return paths;
    }
}
