namespace Elfs.Engine.IO;

/// <summary>One split of Fashion-MNIST.</summary>
/// <param name="Pixels">Count x Rows x Columns gray bytes, row-major.</param>
/// <param name="Labels">Class 0..9 per image.</param>
/// <param name="Count">The number of images.</param>
/// <param name="Rows">Image height (28).</param>
/// <param name="Columns">Image width (28).</param>
public sealed record FashionMnistSplit(byte[] Pixels, byte[] Labels, int Count, int Rows, int Columns)
{
    /// <summary>The pixels of image <paramref name="index"/>.</summary>
    public ReadOnlyMemory<byte> Image(int index) => Pixels.AsMemory(index * Rows * Columns, Rows * Columns);
}
