namespace Elfs.Engine.Encoders;

/// <summary>Which encoder to build.</summary>
/// <param name="Kind"><c>builtin</c> (weight-free default) or <c>torchscript</c> (a model file).</param>
/// <param name="ModelPath">The TorchScript file (kind torchscript).</param>
/// <param name="InputSize">Square input side in pixels; null uses the encoder's default.</param>
/// <param name="Mean">Per-channel normalisation mean; null uses the encoder's default.</param>
/// <param name="Std">Per-channel normalisation standard deviation; null uses the encoder's default.</param>
public sealed record EncoderSpec(string Kind, string? ModelPath = null, int? InputSize = null, float[]? Mean = null, float[]? Std = null)
{
    /// <summary>Parses a command-line value: <c>builtin</c> or <c>torchscript:FILE</c>.</summary>
    public static EncoderSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Equals(EncoderKinds.Builtin, StringComparison.OrdinalIgnoreCase)) return new EncoderSpec(EncoderKinds.Builtin);
        const string prefix = EncoderKinds.TorchScript + ":";
        if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && text.Length > prefix.Length)
            return new EncoderSpec(EncoderKinds.TorchScript, text[prefix.Length..]);
        throw new ArgumentException($"encoder '{text}' is not known; allowed: builtin, torchscript:FILE");
    }
}
