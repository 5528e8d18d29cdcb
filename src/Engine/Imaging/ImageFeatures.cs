using Elfs.Engine.Torch;

namespace Elfs.Engine.Imaging;

/// <summary>Weight-free image features computed in native code.</summary>
public static class ImageFeatures
{
    /// <summary>
    /// Histograms of oriented gradients of N x H x W single-channel images: centred [-1,0,1] gradients with zero
    /// padding, <paramref name="bins"/> signed orientation bins over 360° with linear voting, cells of
    /// <paramref name="cell"/> x <paramref name="cell"/> pixels, blocks of 2x2 cells at stride 1 normalised with
    /// L2-Hys (clip 0.2). Returns N x ((H/cell-1)·(W/cell-1)·4·bins), each block ordered (bin, cell-row, cell-col).
    /// </summary>
    public static Tensor Hog(Tensor images, int cell, int bins = 18)
    {
        if (cell < 1) throw new ArgumentOutOfRangeException(nameof(cell), cell, "cell must be at least 1 pixel");
        if (bins < 2) throw new ArgumentOutOfRangeException(nameof(bins), bins, "bins must be at least 2");
        return Tensor.Wrap(NativeMethods.elfs_image_hog(images.Handle, cell, bins), "hog");
    }
}
