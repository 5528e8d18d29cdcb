using System.Text.Json;

namespace Elfs.Engine.Tests.Encoders;

/// <summary>
/// Inputs and built-in vectors computed by the removed native code (stb_image decode + image_hog.cpp + libtorch mm, at
/// commit a57e8b1): Fashion-MNIST test images 0-4 and six skimage photos, each as the 28 x 28 gray input that code
/// decoded and the 256-value vector it produced. Floats are little-endian float32, base64.
/// </summary>
internal static class NativeHogFixture
{
    public sealed record Case(string Name, float[] Input, float[] Vector);

    public static IReadOnlyList<Case> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Encoders", "Fixtures", "hog-native-v1.json")));
        return [.. document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
            c.GetProperty("name").GetString()!, Floats(c.GetProperty("input").GetString()!), Floats(c.GetProperty("vector").GetString()!)))];
    }

    private static float[] Floats(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        var values = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }
}
