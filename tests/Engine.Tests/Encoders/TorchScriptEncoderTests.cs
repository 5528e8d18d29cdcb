using Elfs.Engine.Encoders;
using Elfs.Engine.Imaging;
using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Encoders;

public sealed class TorchScriptEncoderTests : IDisposable
{
    private const string Source = """
        def forward(self, x):
            pooled = torch.adaptive_avg_pool2d(x, [2, 2])
            return torch.matmul(torch.flatten(pooled, 1), self.w)

        """;

    private readonly string directory = Directory.CreateTempSubdirectory("elfs-ts-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string SaveModel(string name, float scale)
    {
        using var g = new Generator(3);
        using var w = torch.randn([12, 5], g);
        using var scaled = w * scale;
        using var module = ScriptModule.Define(Source, new Dictionary<string, Tensor> { ["w"] = scaled });
        var path = Path.Combine(directory, name);
        module.Save(path);
        return path;
    }

    [Fact]
    public void Saved_module_loads_and_gives_the_same_vectors_as_the_equivalent_ops()
    {
        var path = SaveModel("enc.pt", 1f);
        float[] mean = [0.4f, 0.5f, 0.6f], std = [0.2f, 0.25f, 0.3f];
        ReadOnlyMemory<byte>[] files =
        [
            TestImages.Encoded(20, 16, ImageFileFormat.Png), TestImages.Encoded(9, 12, ImageFileFormat.Bmp), Array.Empty<byte>(),
            TestImages.Uniform(10, 10, 9, 99, 199, ImageFileFormat.Png),
        ];
        using var encoder = new TorchScriptEncoder(path, Device.CPU, inputSize: 8, mean, std, batchSize: 2);

        var result = encoder.Encode(files);

        Assert.Equal(5, encoder.Dimension);
        Assert.False(encoder.HalfPrecision);
        Assert.Equal("empty file (0 bytes)", result.Errors[2]);
        using var scope = torch.NewDisposeScope();
        var decoded = ImageDecoder.Decode(files, new ImageDecodeOptions { Resize = 8, Crop = 8, Mean = mean, Std = std });
        var images = torch.tensor(decoded.Pixels, [decoded.Count, 3, 8, 8]);
        using var g = new Generator(3);
        var w = torch.randn([12, 5], g);
        var expected = torch.nn.functional.adaptive_avg_pool2d(images, 2, 2).flatten(1).mm(w).ToArray<float>();
        for (var i = 0; i < 20; i++)
            Assert.Equal(i is >= 10 and < 15 ? 0f : expected[i], result.Vectors[i], 1e-5);
    }

    [Fact]
    public void Fingerprint_changes_with_model_bytes_and_preprocessing()
    {
        var a = SaveModel("a.pt", 1f);
        var b = SaveModel("b.pt", 2f);
        using var ea = new TorchScriptEncoder(a, Device.CPU, 8);
        using var ea2 = new TorchScriptEncoder(a, Device.CPU, 8);
        using var eb = new TorchScriptEncoder(b, Device.CPU, 8);
        using var ea16 = new TorchScriptEncoder(a, Device.CPU, 16);
        using var eaMean = new TorchScriptEncoder(a, Device.CPU, 8, [0.5f, 0.5f, 0.5f], [0.5f, 0.5f, 0.5f]);
        Assert.Equal(ea.Fingerprint, ea2.Fingerprint);
        Assert.Equal(5, new[] { ea, eb, ea16, eaMean, ea2 }.Select(e => e.Fingerprint).Distinct().Count() + 1);
    }

    [Fact]
    public void Encoding_leaves_no_live_tensors()
    {
        using var encoder = new TorchScriptEncoder(SaveModel("leak.pt", 1f), Device.CPU, 8, batchSize: 2);
        ReadOnlyMemory<byte>[] files = [TestImages.Encoded(9, 9, ImageFileFormat.Png), Array.Empty<byte>(), TestImages.Encoded(12, 9, ImageFileFormat.Bmp)];
        encoder.Encode(files);
        var baseline = torch.LiveTensorCount;
        encoder.Encode(files);
        Assert.Equal(baseline, torch.LiveTensorCount);
    }

    [Fact]
    public void A_missing_model_file_is_named()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ImageEncoderFactory.Create(new EncoderSpec("torchscript", Path.Combine(directory, "none.pt")), "cpu"));
        Assert.Contains("none.pt", e.Message);
    }
}
