using System.Globalization;
using Elfs.Engine.Imaging;
using Elfs.Engine.IO;

namespace Elfs.Host.Demo;

/// <summary>Exports Fashion-MNIST test images (Debian's dataset-fashion-mnist) as PNG files for the demo.</summary>
public static class DemoImages
{
    /// <summary>Writes the first <paramref name="count"/> test images to <paramref name="folder"/> as <c>fmnist-00000.png</c>…; returns the paths.</summary>
    public static IReadOnlyList<string> ExportPng(string folder, int count, string directory = FashionMnist.DefaultDirectory)
    {
        var split = FashionMnist.Load("test", count, directory);
        Directory.CreateDirectory(folder);
        var paths = new string[split.Count];
        Parallel.For(0, split.Count, i =>
        {
            paths[i] = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"fmnist-{i:00000}.png"));
            File.WriteAllBytes(paths[i], ImageWriter.Encode(split.Image(i).Span, split.Columns, split.Rows, 1, ImageFileFormat.Png));
        });
        return paths;
    }
}
