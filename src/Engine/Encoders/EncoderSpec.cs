namespace Elfs.Engine.Encoders;

/// <summary>Which encoder to build.</summary>
/// <param name="Kind"><c>builtin</c> (weight-free default), <c>resnet18</c> (built-in pretrained), <c>onnx</c> or <c>torchscript</c> (a model file).</param>
/// <param name="ModelPath">The model file (kinds onnx and torchscript).</param>
/// <param name="InputSize">Square input side in pixels; null uses the model's or the encoder's default.</param>
/// <param name="Mean">Per-channel normalisation mean on pixels in [0,1]; null uses the model's or the encoder's default.</param>
/// <param name="Std">Per-channel normalisation standard deviation; null uses the model's or the encoder's default.</param>
/// <param name="ChannelOrder"><c>rgb</c> or <c>bgr</c> (kind onnx); null uses the model's metadata, else rgb.</param>
/// <param name="Output">The name of the model output holding the vector (kind onnx); null uses the metadata or the only output.</param>
public sealed record EncoderSpec(string Kind, string? ModelPath = null, int? InputSize = null, float[]? Mean = null, float[]? Std = null,
    string? ChannelOrder = null, string? Output = null)
{
    /// <summary>Parses comma-separated per-channel values (<c>0.485,0.456,0.406</c>); throws <see cref="FormatException"/> naming a bad one.</summary>
    public static float[] ParseValues(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.Split(',', StringSplitOptions.TrimEntries).Select(v =>
            float.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var f)
                ? f : throw new FormatException($"'{v}' is not a number; give comma-separated values such as 0.485,0.456,0.406"))];
    }

    /// <summary>Parses a command-line value: <c>builtin</c>, <c>resnet18</c>, <c>onnx:FILE</c> or <c>torchscript:FILE</c>.</summary>
    public static EncoderSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var kind in (string[])[EncoderKinds.Builtin, EncoderKinds.ResNet18])
            if (text.Equals(kind, StringComparison.OrdinalIgnoreCase)) return new EncoderSpec(kind);
        foreach (var kind in (string[])[EncoderKinds.TorchScript, EncoderKinds.Onnx])
        {
            var prefix = kind + ":";
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && text.Length > prefix.Length)
                return new EncoderSpec(kind, text[prefix.Length..]);
        }
        throw new ArgumentException($"encoder '{text}' is not known; allowed: builtin, resnet18, onnx:FILE, torchscript:FILE");
    }
}
