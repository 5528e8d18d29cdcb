namespace Elfs.Engine.Imaging;

/// <summary>File formats <see cref="ImageWriter"/> can produce.</summary>
public enum ImageFileFormat
{
    /// <summary>PNG (lossless).</summary>
    Png = 0,
    /// <summary>Windows bitmap (lossless, 24-bit, uncompressed; alpha is dropped).</summary>
    Bmp = 1,
    /// <summary>JPEG (lossy; the quality applies).</summary>
    Jpeg = 2,
    /// <summary>WebP (lossless).</summary>
    Webp = 3,
}
