namespace Elfs.Engine.Imaging;

/// <summary>Resampling kernels <see cref="ImageResize"/> uses (both antialiased when shrinking).</summary>
public enum ResizeFilter
{
    /// <summary>Bilinear with linear mipmap blending (SkiaSharp).</summary>
    Bilinear = 1,
    /// <summary>Mitchell cubic (SkiaSharp).</summary>
    Bicubic = 2,
}
