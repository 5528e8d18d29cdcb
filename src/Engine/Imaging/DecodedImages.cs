namespace Elfs.Engine.Imaging;

/// <summary>
/// A decoded batch as plain floats. <see cref="Pixels"/> holds <see cref="Count"/> images, each
/// <see cref="Channels"/> x <see cref="Height"/> x <see cref="Width"/> (planar, row-major: index
/// ((i·C + c)·H + y)·W + x), scaled to [0,1] and then normalised when the options gave a mean and std.
/// Items that failed are all zeros and have their reason in <see cref="Errors"/>.
/// </summary>
/// <param name="Pixels">N·C·H·W floats.</param>
/// <param name="Count">The number of items N (every input item, failed or not).</param>
/// <param name="Channels">C: 1 (luminance) or 3 (RGB).</param>
/// <param name="Height">H.</param>
/// <param name="Width">W.</param>
/// <param name="Errors">Per item: null when it decoded, else the reason it did not.</param>
public sealed record DecodedImages(float[] Pixels, int Count, int Channels, int Height, int Width, IReadOnlyList<string?> Errors)
{
    /// <summary>The number of items that decoded.</summary>
    public int Succeeded => Errors.Count(e => e is null);

    /// <summary>Floats per item: C·H·W.</summary>
    public int ItemLength => Channels * Height * Width;

    /// <summary>The pixels of item <paramref name="index"/> (C x H x W).</summary>
    public ReadOnlySpan<float> Item(int index) => Pixels.AsSpan(index * ItemLength, ItemLength);
}
