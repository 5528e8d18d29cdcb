using Elfs.Engine.Encoders;
using Elfs.Engine.Imaging;

namespace Elfs.Engine.Tests.Encoders;

/// <summary>
/// The pretrained encoders on real photos (python3-skimage-lib): a crop, a flip or a small colour jitter of a photo is
/// nearer (cosine) to that photo than any other photo is; for <c>resnet18</c> and for the same network loaded as an
/// <c>onnx</c> model path with configured preprocessing. Odd storage forms embed, a corrupt file is that item's error.
/// </summary>
public sealed class PhotoEncoderTests
{
    private static readonly string[] Photos = ["astronaut.png", "chelsea.png", "coffee.png", "rocket.jpg", "motorcycle_left.png"];

    private static string PackageModel => Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");

    // The package's ResNet-18 through the generic path: B, G, R planes, 0-255 minus the mean image's channel means.
    private static EncoderSpec OnnxSpec => new(EncoderKinds.Onnx, PackageModel, Mean: [103.06f / 255, 115.90f / 255, 123.15f / 255],
        Std: [1 / 255f, 1 / 255f, 1 / 255f], ChannelOrder: "bgr");

    public static TheoryData<string> Encoders => [EncoderKinds.ResNet18, EncoderKinds.Onnx];

    private static IImageEncoder Create(string kind) =>
        ImageEncoderFactory.Create(kind == EncoderKinds.ResNet18 ? new EncoderSpec(kind) : OnnxSpec, "cpu", batchSize: 16);

    [RealPhotosTheory]
    [MemberData(nameof(Encoders))]
    public void Crops_flips_and_colour_jitter_stay_nearest_to_their_photo(string kind)
    {
        using var encoder = Create(kind);
        var originals = Photos.Select(RealPhotos.Read).ToList();
        var variants = new List<(int Source, string What, byte[] File)>();
        for (var s = 0; s < Photos.Length; s++)
        {
            var (rgb, w, h) = Rgb(originals[s]);
            variants.Add((s, "center crop 70%", Crop(rgb, w, h, 0.15, 0.15, 0.7)));
            variants.Add((s, "corner crop 75%", Crop(rgb, w, h, 0.0, 0.25, 0.75)));
            variants.Add((s, "horizontal flip", Flip(rgb, w, h)));
            variants.Add((s, "colour jitter", Jitter(rgb, w, h)));
        }
        var all = originals.Concat(variants.Select(v => v.File)).Select(f => (ReadOnlyMemory<byte>)f).ToList();
        var result = encoder.Encode(all);
        Assert.All(result.Errors, e => Assert.Null(e));
        var d = encoder.Dimension;
        float[] Row(int i) => result.Vectors.AsSpan(i * d, d).ToArray();
        for (var k = 0; k < variants.Count; k++)
        {
            var v = Row(Photos.Length + k);
            var similarities = Enumerable.Range(0, Photos.Length).Select(s => Cosine(v, Row(s))).ToArray();
            var own = similarities[variants[k].Source];
            var other = similarities.Where((_, s) => s != variants[k].Source).Max();
            Assert.True(own > other, $"{kind}: {variants[k].What} of {Photos[variants[k].Source]}: cosine {own:0.000} to it, {other:0.000} to another photo");
        }
    }

    [RealPhotosTheory]
    [MemberData(nameof(Encoders))]
    public void Grayscale_cmyk_and_16_bit_images_embed_and_a_corrupt_one_is_its_own_error(string kind)
    {
        using var encoder = Create(kind);
        var rocket = RealPhotos.Read("rocket.jpg");
        var corrupt = rocket.ToArray();
        for (var i = 600; i < corrupt.Length - 2; i++) corrupt[i] ^= 0x5A;
        var cmyk = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Encoders", "Fixtures", "rocket-cmyk.jpg"));
        ReadOnlyMemory<byte>[] files = [RealPhotos.Read("camera.png"), cmyk, RealPhotos.Read("chessboard_RGB.png"), corrupt, rocket, RealPhotos.Read("chelsea.png")];
        var result = encoder.Encode(files);
        var d = encoder.Dimension;
        foreach (var i in new[] { 0, 1, 2, 4, 5 })
        {
            Assert.Null(result.Errors[i]);
            var row = result.Vectors.AsSpan(i * d, d).ToArray();
            Assert.All(row, v => Assert.True(float.IsFinite(v)));
            Assert.True(row.Any(v => v != 0f), $"item {i} has a zero vector");
        }
        Assert.StartsWith("corrupt", result.Errors[3]);
        Assert.Contains("JPEG", result.Errors[3]);
        Assert.All(result.Vectors.AsSpan(3 * d, d).ToArray(), v => Assert.Equal(0f, v));
        // The CMYK copy of the rocket is read as the rocket, not as noise.
        float[] Row(int i) => result.Vectors.AsSpan(i * d, d).ToArray();
        Assert.True(Cosine(Row(1), Row(4)) > Cosine(Row(1), Row(5)), "the CMYK rocket is nearer to the cat than to the rocket");
    }

    [Fact]
    public void The_built_in_resnet18_is_the_package_model_and_its_fingerprint_names_it()
    {
        using var a = new ResNet18Encoder(torch.CPU);
        using var b = ImageEncoderFactory.Create(new EncoderSpec("ResNet18"), "cpu");
        Assert.Equal(512, a.Dimension);
        Assert.Equal("resnet18 on CPUExecutionProvider", a.Description);
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        var model = Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");
        var prep = Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNetPrepOnnx", "ResNetPreprocess.onnx");
        Assert.Equal(EncoderFingerprint.Compute(EncoderKinds.ResNet18, $"{EncoderFingerprint.HashFile(model)}+{EncoderFingerprint.HashFile(prep)}", 224, null, null,
            "float32", "channels=bgr;scale=255;mean=ResNetPreprocess;output=Pooling395_Output_0;resize=bicubic-shorter+center-crop", "onnxruntime-1.31.1"), a.Fingerprint);
        var e = Assert.Throws<EncoderSettingException>(() => ImageEncoderFactory.Create(new EncoderSpec(EncoderKinds.ResNet18, InputSize: 112), "cpu"));
        Assert.Equal("EncoderInputSize", e.Setting);
        e = Assert.Throws<EncoderSettingException>(() => ImageEncoderFactory.Create(new EncoderSpec(EncoderKinds.ResNet18, Mean: [0f, 0f, 0f], Std: [1f, 1f, 1f]), "cpu"));
        Assert.Equal("EncoderMean", e.Setting);
        var missing = Assert.Throws<FileNotFoundException>(() => new ResNet18Encoder(torch.CPU, modelDirectory: Path.GetTempPath()));
        Assert.Contains("Microsoft.ML.DnnImageFeaturizer.ResNet18", missing.Message);
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++) (dot, na, nb) = (dot + a[i] * b[i], na + a[i] * a[i], nb + b[i] * b[i]);
        return dot / Math.Sqrt(na * nb);
    }

    // The photo at 256 px (shorter side), interleaved 8-bit RGB.
    private static (byte[] Rgb, int Width, int Height) Rgb(byte[] file)
    {
        var decoded = ImageDecoder.Decode([file], new ImageDecodeOptions { Resize = 256 });
        Assert.Null(decoded.Errors[0]);
        int w = decoded.Width, h = decoded.Height, plane = w * h;
        var rgb = new byte[plane * 3];
        for (var i = 0; i < plane; i++)
            for (var c = 0; c < 3; c++) rgb[i * 3 + c] = (byte)Math.Round(decoded.Pixels[c * plane + i] * 255);
        return (rgb, w, h);
    }

    private static byte[] Crop(byte[] rgb, int w, int h, double left, double top, double fraction)
    {
        int cw = (int)(w * fraction), ch = (int)(h * fraction), x0 = (int)(w * left), y0 = (int)(h * top);
        var result = new byte[cw * ch * 3];
        for (var y = 0; y < ch; y++) rgb.AsSpan(((y0 + y) * w + x0) * 3, cw * 3).CopyTo(result.AsSpan(y * cw * 3));
        return ImageWriter.Encode(result, cw, ch, 3, ImageFileFormat.Png);
    }

    private static byte[] Flip(byte[] rgb, int w, int h)
    {
        var result = new byte[rgb.Length];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++) rgb.AsSpan((y * w + x) * 3, 3).CopyTo(result.AsSpan((y * w + w - 1 - x) * 3));
        return ImageWriter.Encode(result, w, h, 3, ImageFileFormat.Png);
    }

    // Brightness +8 %, red -6 %, blue +6 %, then JPEG at quality 85.
    private static byte[] Jitter(byte[] rgb, int w, int h)
    {
        double[] gain = [1.08 * 0.94, 1.08, 1.08 * 1.06];
        var result = rgb.Select((v, i) => (byte)Math.Clamp(Math.Round(v * gain[i % 3]), 0, 255)).ToArray();
        return ImageWriter.Encode(result, w, h, 3, ImageFileFormat.Jpeg, quality: 85);
    }
}
