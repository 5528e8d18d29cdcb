using System.Numerics.Tensors;
using Elfs.Engine.Imaging;

namespace Elfs.Engine.Encoders;

/// <summary>
/// Two-scale signed HOG of square gray images (side divisible by 28): cells of side/7 and side/4 pixels, 18 bins,
/// each HOG L2-normalised, concatenated to 2592 + 648 = 3240 values (research/weight-free-encoders.md §1.4).
/// </summary>
public static class HogFeatures
{
    /// <summary>The feature length.</summary>
    public const int Dimension = 3240;

    /// <summary>
    /// Computes the features of <paramref name="count"/> S x S images in [0,1] (row-major, one after another); S must be a
    /// positive multiple of 28. Returns count x <see cref="Dimension"/> floats.
    /// </summary>
    public static float[] Compute(ReadOnlySpan<float> images, int count, int side)
    {
        if (side <= 0 || side % 28 != 0 || count < 0 || images.Length != (long)count * side * side)
            throw new ArgumentException($"HOG features need N x S x S images with S a multiple of 28, got {images.Length} floats for {count} x {side} x {side}");
        var fine = ImageFeatures.Hog(images, count, side, side, side / 7);
        var coarse = ImageFeatures.Hog(images, count, side, side, side / 4);
        int a = fine.Length / Math.Max(1, count), b = coarse.Length / Math.Max(1, count);
        var result = new float[count * Dimension];
        for (var i = 0; i < count; i++)
        {
            Normalized(fine.AsSpan(i * a, a), result.AsSpan(i * Dimension, a));
            Normalized(coarse.AsSpan(i * b, b), result.AsSpan(i * Dimension + a, b));
        }
        return result;
    }

    // x / max(‖x‖₂, 1e-12), as torch.nn.functional.normalize.
    private static void Normalized(ReadOnlySpan<float> x, Span<float> destination) =>
        TensorPrimitives.Divide(x, Math.Max(TensorPrimitives.Norm(x), 1e-12f), destination);
}
