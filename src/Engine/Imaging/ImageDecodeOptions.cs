namespace Elfs.Engine.Imaging;

/// <summary>How <see cref="ImageDecoder"/> turns encoded files into a float batch (see <see cref="DecodedImages"/>).</summary>
public sealed record ImageDecodeOptions
{
    /// <summary>Default pixel limit: 50 megapixels.</summary>
    public const long DefaultMaxPixels = 50_000_000;

    /// <summary>Default byte limit: 50 MB.</summary>
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <summary>Shorter side after resizing; null keeps the decoded size (then every image must share it unless cropped).</summary>
    public int? Resize { get; init; }

    /// <summary>Side of the square center crop taken after resizing; null keeps the whole image.</summary>
    public int? Crop { get; init; }

    /// <summary>Resampling kernel for the resize (antialiased when shrinking): bilinear or bicubic.</summary>
    public ResizeFilter Interpolation { get; init; } = ResizeFilter.Bicubic;

    /// <summary>Decode to one luminance channel instead of RGB.</summary>
    public bool Grayscale { get; init; }

    /// <summary>Per-channel mean subtracted after scaling to [0,1]; null skips normalisation.</summary>
    public float[]? Mean { get; init; }

    /// <summary>Per-channel standard deviation divided by after subtracting <see cref="Mean"/>.</summary>
    public float[]? Std { get; init; }

    /// <summary>Images with more pixels than this are refused before decoding (their size is read from the header first).</summary>
    public long MaxPixels { get; init; } = DefaultMaxPixels;

    /// <summary>Files larger than this are refused before decoding.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>The number of channels produced (1 or 3).</summary>
    public int Channels => Grayscale ? 1 : 3;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting and what is allowed.</summary>
    public void Validate()
    {
        if (Resize is <= 0) throw new ArgumentException($"Resize must be a positive number of pixels or null, got {Resize}");
        if (Crop is <= 0) throw new ArgumentException($"Crop must be a positive number of pixels or null, got {Crop}");
        if (Interpolation is not (ResizeFilter.Bilinear or ResizeFilter.Bicubic))
            throw new ArgumentException($"Interpolation must be Bilinear or Bicubic, got {Interpolation}");
        if (MaxPixels <= 0) throw new ArgumentException($"MaxPixels must be positive, got {MaxPixels}");
        if (MaxBytes <= 0) throw new ArgumentException($"MaxBytes must be positive, got {MaxBytes}");
        if ((Mean is null) != (Std is null)) throw new ArgumentException("Mean and Std must be given together");
        if (Mean is not null && Mean.Length != Channels)
            throw new ArgumentException($"Mean must have {Channels} values (one per channel), got {Mean.Length}");
        if (Std is not null && (Std.Length != Channels || Std.Any(s => !(s > 0))))
            throw new ArgumentException($"Std must have {Channels} positive values (one per channel), got [{string.Join(", ", Std)}]");
    }
}
