using Elfs.Engine.Imaging;
using Elfs.Engine.Torch;

namespace Elfs.Engine.Encoders;

/// <summary>
/// Two-scale signed HOG of square gray images (side divisible by 28): cells of side/7 and side/4 pixels, 18 bins,
/// each HOG L2-normalised, concatenated to 2592 + 648 = 3240 values (research/weight-free-encoders.md §1.4).
/// </summary>
public static class HogFeatures
{
    /// <summary>The feature length.</summary>
    public const int Dimension = 3240;

    /// <summary>Computes the features of N x S x S images in [0,1]; S must be a positive multiple of 28.</summary>
    public static Tensor Compute(Tensor images)
    {
        var side = images.shape[^1];
        if (images.dim() != 3 || images.shape[1] != side || side % 28 != 0)
            throw new ArgumentException($"HOG features need N x S x S images with S a multiple of 28, got [{string.Join(", ", images.shape)}]");
        using var fine = ImageFeatures.Hog(images, (int)(side / 7));
        using var coarse = ImageFeatures.Hog(images, (int)(side / 4));
        using var a = torch.nn.functional.normalize(fine, 2, 1);
        using var b = torch.nn.functional.normalize(coarse, 2, 1);
        return torch.cat([a, b], 1);
    }
}
