namespace Elfs.Engine.Imaging;

/// <summary>File formats <see cref="ImageWriter"/> can produce.</summary>
public enum ImageFileFormat
{
    /// <summary>PNG (lossless).</summary>
    Png = 0,
    /// <summary>Windows bitmap (lossless, uncompressed).</summary>
    Bmp = 1,
    /// <summary>JPEG (lossy).</summary>
    Jpeg = 2,
}
