namespace Elfs.Engine.Tests.Encoders;

/// <summary>Real photos shipped by Debian's python3-skimage-lib (test.sh installs it); tests that need them skip without them.</summary>
internal static class RealPhotos
{
    public const string Directory = "/usr/lib/python3/dist-packages/skimage/data";

    public static bool Present => System.IO.Directory.Exists(Directory);

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Directory, name));
}

/// <summary>A fact that is skipped, saying why, when <see cref="RealPhotos"/> are not installed.</summary>
public sealed class RealPhotosFactAttribute : FactAttribute
{
    public RealPhotosFactAttribute()
    {
        if (!RealPhotos.Present) Skip = $"needs the real photos in {RealPhotos.Directory} (apt-get install python3-skimage-lib)";
    }
}

/// <summary>A theory that is skipped, saying why, when <see cref="RealPhotos"/> are not installed.</summary>
public sealed class RealPhotosTheoryAttribute : TheoryAttribute
{
    public RealPhotosTheoryAttribute()
    {
        if (!RealPhotos.Present) Skip = $"needs the real photos in {RealPhotos.Directory} (apt-get install python3-skimage-lib)";
    }
}
