namespace Elfs.Engine.Torch;

/// <summary>Image resampling kernels.</summary>
public enum InterpolationMode
{
    /// <summary>Nearest neighbour.</summary>
    Nearest = 0,
    /// <summary>Bilinear.</summary>
    Bilinear = 1,
    /// <summary>Bicubic.</summary>
    Bicubic = 2,
}
