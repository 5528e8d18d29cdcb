using Elfs.Engine.Encoders;
using Elfs.Engine.Imaging;

namespace Elfs.Engine.Tests.Encoders;

/// <summary>
/// The <c>onnx</c> encoder on tiny models written by <see cref="TinyOnnxModels"/>, whose <c>mean_rgb</c> output is each
/// input channel's mean: so the expected vector of a uniform image is known exactly from the preprocessing.
/// </summary>
public sealed class OnnxEncoderTests : IDisposable
{
    private static readonly float[] Zero = [0f, 0f, 0f], One = [1f, 1f, 1f];
    private readonly string directory = Directory.CreateTempSubdirectory("elfs-onnx-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Model(string name, int? batch = null, int? side = 8, bool float16 = false, Dictionary<string, string>? metadata = null) =>
        TinyOnnxModels.Write(directory, name, TinyOnnxModels.Pool(batch, side, float16, metadata));

    private static EncoderSpec Spec(string path, float[]? mean = null, float[]? std = null, string? order = null, string? output = "mean_rgb", int? size = null) =>
        new(EncoderKinds.Onnx, path, size, mean ?? Zero, std ?? One, order, output);

    [Theory]
    [InlineData(null, "rgb")]
    [InlineData(null, "bgr")]
    [InlineData(1, "rgb")]
    public void Preprocessing_follows_the_settings_exactly_for_dynamic_and_fixed_batches(int? batch, string order)
    {
        float[] mean = [0.1f, 0.2f, 0.3f], std = [0.5f, 0.25f, 2f];
        ReadOnlyMemory<byte>[] files =
        [
            TestImages.Uniform(12, 10, 51, 102, 204, ImageFileFormat.Png), "not an image"u8.ToArray(),
            TestImages.Uniform(9, 9, 255, 0, 25, ImageFileFormat.Bmp),
        ];
        using var encoder = new OnnxEncoder(Spec(Model("m.onnx", batch), mean, std, order), torch.CPU, batchSize: 2);
        var result = encoder.Encode(files);

        Assert.Equal(3, encoder.Dimension);
        Assert.Equal(batch == 1, encoder.FixedBatch);
        Assert.Equal("CPUExecutionProvider", encoder.Provider);
        Assert.Null(result.Errors[0]);
        Assert.Contains("unknown format", result.Errors[1]);
        Assert.Null(result.Errors[2]);
        foreach (var (row, rgb) in new[] { (0, new[] { 51, 102, 204 }), (2, new[] { 255, 0, 25 }) })
        {
            // The model's channel c is (pixel of that channel / 255 - mean[c]) / std[c], in the model's channel order.
            var channels = order == "bgr" ? rgb.Reverse().ToArray() : rgb;
            var expected = channels.Select((v, c) => (v / 255f - mean[c]) / std[c]).ToArray();
            Assert.Equal(expected, result.Vectors.AsSpan(row * 3, 3).ToArray(), new Tolerance(1e-5f));
        }
        Assert.Equal(Zero, result.Vectors.AsSpan(3, 3).ToArray());
    }

    [Fact]
    public void Metadata_gives_every_setting_and_the_configuration_may_not_contradict_it()
    {
        var metadata = new Dictionary<string, string>
        {
            ["elfs.input_size"] = "16", ["elfs.mean"] = "0.5, 0.5, 0.5", ["elfs.std"] = "0.5,0.5,0.5", ["elfs.channel_order"] = "BGR", ["elfs.output"] = "max_rgb",
        };
        var path = Model("meta.onnx", side: null, metadata: metadata);
        using var encoder = new OnnxEncoder(new EncoderSpec(EncoderKinds.Onnx, path), torch.CPU);
        Assert.Equal(new OnnxPreprocessingView(16, [0.5f, 0.5f, 0.5f], [0.5f, 0.5f, 0.5f], "bgr", "max_rgb"), OnnxPreprocessingView.Of(encoder));
        var v = encoder.Encode([TestImages.Uniform(20, 20, 255, 0, 0, ImageFileFormat.Png)]).Vectors;
        Assert.Equal([-1f, -1f, 1f], v, new Tolerance(1e-5f));

        var e = Assert.Throws<EncoderSettingException>(() => new OnnxEncoder(new EncoderSpec(EncoderKinds.Onnx, path, Mean: [0.4f, 0.5f, 0.5f]), torch.CPU));
        Assert.Equal("EncoderMean", e.Setting);
        Assert.Contains("contradicts the model, whose elfs.mean says '0.5,0.5,0.5'", e.Message);
        e = Assert.Throws<EncoderSettingException>(() => new OnnxEncoder(new EncoderSpec(EncoderKinds.Onnx, path, InputSize: 32), torch.CPU));
        Assert.Equal("EncoderInputSize", e.Setting);
        // Agreeing with the model is fine.
        using var same = new OnnxEncoder(new EncoderSpec(EncoderKinds.Onnx, path, 16, ChannelOrder: "bgr"), torch.CPU);
        Assert.Equal(encoder.Fingerprint, same.Fingerprint);
    }

    [Fact]
    public void Each_missing_or_bad_setting_is_named()
    {
        var fixedSide = Model("fixed.onnx");
        var dynamicSide = Model("dynamic.onnx", side: null);
        (EncoderSpec Spec, string Setting, string Text)[] cases =
        [
            (new EncoderSpec(EncoderKinds.Onnx, fixedSide, Std: One, Output: "mean_rgb"), "EncoderMean", "its metadata has no elfs.mean); set EncoderMean"),
            (new EncoderSpec(EncoderKinds.Onnx, fixedSide, Mean: Zero, Output: "mean_rgb"), "EncoderStd", "set EncoderStd"),
            (Spec(fixedSide, output: null), "EncoderOutput", "one of mean_rgb, max_rgb"),
            (Spec(fixedSide, output: "features"), "EncoderOutput", "the model has no output 'features'"),
            (Spec(fixedSide, order: "rbg"), "EncoderChannelOrder", "'rbg' is not rgb or bgr"),
            (Spec(fixedSide, size: 16), "EncoderInputSize", "whose input shape says '8'"),
            (Spec(dynamicSide), "EncoderInputSize", "the input shape has dynamic sides"),
            (Spec(fixedSide, mean: [0f, 0f]), "EncoderMean", "needs 3 values"),
            (Spec(fixedSide, std: [1f, 0f, 1f]), "EncoderStd", "needs 3 positive values"),
            (Spec(Path.Combine(directory, "none.onnx")), "EncoderPath", "does not exist"),
            (Spec(TinyOnnxModels.Write(directory, "junk.onnx", "not a model"u8.ToArray())), "EncoderPath", "is not an ONNX model ONNX Runtime can load"),
            (Spec(Model("batch4.onnx", batch: 4)), "EncoderPath", "batch dimension is fixed at 4"),
            (new EncoderSpec(EncoderKinds.Onnx), "EncoderPath", "needs the model file"),
        ];
        foreach (var (spec, setting, text) in cases)
        {
            var e = Assert.Throws<EncoderSettingException>(() => ImageEncoderFactory.Create(spec, "cpu").Dispose());
            Assert.Equal(setting, e.Setting);
            Assert.Contains(text, e.Message);
        }
        var malformed = Model("malformed.onnx", metadata: new() { ["elfs.std"] = "0.2,x,0.2" });
        var m = Assert.Throws<EncoderSettingException>(() => new OnnxEncoder(new EncoderSpec(EncoderKinds.Onnx, malformed, Mean: Zero, Output: "mean_rgb"), torch.CPU));
        Assert.Equal("EncoderStd", m.Setting);
        Assert.Contains("elfs.std = '0.2,x,0.2' is malformed", m.Message);
    }

    [Fact]
    public void The_fingerprint_names_the_model_bytes_preprocessing_input_size_and_dtype()
    {
        var a = Model("a.onnx", side: null);
        var fp16 = Model("half.onnx", side: null, float16: true);
        string Fp(EncoderSpec spec)
        {
            using var encoder = new OnnxEncoder(spec, torch.CPU);
            return encoder.Fingerprint;
        }
        var baseline = Fp(Spec(a, size: 8));
        Assert.Equal(baseline, Fp(Spec(TinyOnnxModels.Write(directory, "copy.onnx", File.ReadAllBytes(a)), size: 8)));
        string[] changed =
        [
            Fp(Spec(a, size: 16)), Fp(Spec(a, mean: [0f, 0f, 0.1f], size: 8)), Fp(Spec(a, std: [1f, 1f, 2f], size: 8)),
            Fp(Spec(a, order: "bgr", size: 8)), Fp(Spec(a, output: "max_rgb", size: 8)), Fp(Spec(Model("b.onnx", batch: 1, side: null), size: 8)),
            Fp(Spec(fp16, size: 8)),
        ];
        Assert.Equal(changed.Length + 1, changed.Append(baseline).Distinct().Count());

        using var half = new OnnxEncoder(Spec(fp16, size: 8), torch.CPU);
        Assert.Equal("float16", half.InputType);
        Assert.Equal(EncoderFingerprint.Compute(EncoderKinds.Onnx, EncoderFingerprint.HashFile(fp16), 8, Zero, One, "float16",
            "channels=rgb;output=mean_rgb", "onnxruntime-1.31.1"), half.Fingerprint);
        var v = half.Encode([TestImages.Uniform(8, 8, 255, 128, 0, ImageFileFormat.Png)]).Vectors;
        Assert.Equal([1f, 128 / 255f, 0f], v, new Tolerance(1e-3f));
    }

    private sealed record OnnxPreprocessingView(int Size, float[] Mean, float[] Std, string Order, string Output)
    {
        public static OnnxPreprocessingView Of(OnnxEncoder e) =>
            new(e.Preprocessing.InputSize, e.Preprocessing.Mean, e.Preprocessing.Std, e.Preprocessing.ChannelOrder, e.Preprocessing.Output);

        public bool Equals(OnnxPreprocessingView? other) => other is not null && Size == other.Size && Mean.SequenceEqual(other.Mean)
                                                            && Std.SequenceEqual(other.Std) && Order == other.Order && Output == other.Output;

        public override int GetHashCode() => HashCode.Combine(Size, Order, Output);
    }

    private sealed class Tolerance(float epsilon) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(float obj) => 0;
    }
}
