namespace Elfs.Engine.Imaging;

/// <summary>Names a file's format from its first bytes, so a decode failure can say what the file claimed to be.</summary>
internal static class ImageSignature
{
    /// <summary>The formats the decoder reads, for messages.</summary>
    public const string Supported = "PNG, JPEG, GIF, BMP or WebP";

    /// <summary>"PNG", "JPEG", "GIF", "BMP" or "WebP" from the magic bytes; null for anything else.</summary>
    public static string? Name(ReadOnlySpan<byte> file)
    {
        if (file.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])) return "PNG";
        if (file.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "JPEG";
        if (file.StartsWith("GIF8"u8)) return "GIF";
        if (file.StartsWith("BM"u8)) return "BMP";
        if (file.Length >= 12 && file.StartsWith("RIFF"u8) && file[8..12].SequenceEqual("WEBP"u8)) return "WebP";
        return null;
    }
}
