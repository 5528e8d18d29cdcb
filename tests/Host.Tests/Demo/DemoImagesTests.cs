using Elfs.Engine.Imaging;
using Elfs.Engine.IO;
using Elfs.Host.Demo;

namespace Elfs.Host.Tests.Demo;

public sealed class DemoImagesTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Exports_fashion_mnist_test_images_as_png_that_decode_to_the_same_pixels()
    {
        var files = DemoImages.ExportPng(_temp.Path, 12);
        Assert.Equal(12, files.Count);
        Assert.Equal("fmnist-00011.png", Path.GetFileName(files[^1]));
        var split = FashionMnist.Load("test", 12);
        var decoded = ImageDecoder.Decode([File.ReadAllBytes(files[3])], new ImageDecodeOptions { Grayscale = true });
        Assert.Null(decoded.Errors[0]);
        var pixels = decoded.Pixels;
        var expected = split.Image(3).ToArray();
        Assert.Equal(expected.Length, pixels.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i] / 255f, pixels[i], 0.002f);
    }

    [Fact]
    public void A_missing_dataset_names_the_package()
    {
        var e = Assert.Throws<FileNotFoundException>(() => DemoImages.ExportPng(_temp.Path, 3, _temp.File("nowhere")));
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);
    }

    public void Dispose() => _temp.Dispose();
}
