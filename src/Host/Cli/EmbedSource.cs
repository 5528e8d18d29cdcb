using Elfs.Engine.Imaging;
using Elfs.Engine.IO;

namespace Elfs.Host.Cli;

/// <summary>The items <c>elfs embed</c> reads: ids in a stable order and a way to read each one's bytes.</summary>
/// <param name="Ids">Item ids, in output order.</param>
/// <param name="Read">Reads item i's file bytes.</param>
/// <param name="Labels">Known class labels (Fashion-MNIST), else null.</param>
public sealed record EmbedSource(IReadOnlyList<string> Ids, Func<int, ReadOnlyMemory<byte>> Read, IReadOnlyList<int>? Labels)
{
    /// <summary>File extensions taken from an image folder (case-insensitive).</summary>
    public static IReadOnlySet<string> ImageExtensions { get; } =
        new HashSet<string>([".jpg", ".jpeg", ".png", ".bmp", ".gif"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Every image file under <paramref name="directory"/> (recursively), ids = relative paths with '/', sorted ordinally.</summary>
    public static EmbedSource FromDirectory(string directory)
    {
        if (!Directory.Exists(directory)) throw new ArgumentException($"--images: folder '{directory}' does not exist");
        var root = Path.GetFullPath(directory);
        var ids = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f)))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new EmbedSource(ids, i => File.ReadAllBytes(Path.Combine(root, ids[i])), null);
    }

    /// <summary>A Fashion-MNIST split, each image PNG-encoded so it takes the same decode path as any file.</summary>
    public static EmbedSource FromFashionMnist(string split, int? limit)
    {
        var data = FashionMnist.Load(split, limit);
        var files = new byte[data.Count][];
        Parallel.For(0, data.Count, i => files[i] = ImageWriter.Encode(data.Image(i).Span, data.Columns, data.Rows, 1, ImageFileFormat.Png));
        var ids = Enumerable.Range(0, data.Count).Select(i => $"{split}/{i:D5}").ToList();
        return new EmbedSource(ids, i => files[i], data.Labels.Select(l => (int)l).ToList());
    }
}
