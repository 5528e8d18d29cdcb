using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Elfs.Host.Demo;

namespace Elfs.Host.Tests.Demo;

public sealed class PngWriterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Writes_a_valid_grayscale_png_whose_pixels_decompress_back()
    {
        var pixels = Enumerable.Range(0, 5 * 3).Select(i => (byte)(i * 17)).ToArray();
        var png = PngWriter.Grayscale(pixels, 5, 3);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var chunks = Chunks(png);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        var ihdr = chunks[0].Data;
        Assert.Equal((5, 3, 8, 0), (BinaryPrimitives.ReadInt32BigEndian(ihdr), BinaryPrimitives.ReadInt32BigEndian(ihdr.AsSpan(4)), (int)ihdr[8], (int)ihdr[9]));
        using var z = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var rows = raw.ToArray();
        Assert.Equal(3 * 6, rows.Length);
        for (var y = 0; y < 3; y++)
        {
            Assert.Equal(0, rows[y * 6]);
            Assert.Equal(pixels[(y * 5)..(y * 5 + 5)], rows[(y * 6 + 1)..(y * 6 + 6)]);
        }
    }

    [Fact]
    public void Chunk_crcs_match_the_png_specification()
    {
        // The CRC of an empty IEND chunk is the constant AE 42 60 82 in every PNG file.
        var png = PngWriter.Grayscale([0], 1, 1);
        Assert.Equal(new byte[] { 0xAE, 0x42, 0x60, 0x82 }, png[^4..]);
    }

    [Fact]
    public void Exports_fashion_mnist_test_images()
    {
        if (!File.Exists(Path.Combine(FashionMnist.DefaultDirectory, "t10k-images-idx3-ubyte.gz")))
            Assert.Fail("dataset-fashion-mnist is not installed (apt-get install dataset-fashion-mnist)");
        var files = FashionMnist.ExportPng(_temp.Path, 12);
        Assert.Equal(12, files.Count);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 60));
        Assert.Equal("fmnist-00011.png", Path.GetFileName(files[^1]));
        var (images, rows, cols) = FashionMnist.ReadImages(FashionMnist.DefaultDirectory, "t10k", 1);
        Assert.Equal((28, 28), (rows, cols));
        Assert.Equal(PngWriter.Grayscale(images[0], 28, 28), File.ReadAllBytes(files[0]));
    }

    [Fact]
    public void A_missing_dataset_names_the_package()
    {
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.ExportPng(_temp.Path, 3, _temp.File("nowhere")));
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);
    }

    private static List<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        var list = new List<(string, byte[])>();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            list.Add((Encoding.ASCII.GetString(png, at + 4, 4), png[(at + 8)..(at + 8 + length)]));
            at += 12 + length;
        }
        return list;
    }

    public void Dispose() => _temp.Dispose();
}
