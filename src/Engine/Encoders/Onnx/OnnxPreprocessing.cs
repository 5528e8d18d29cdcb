using System.Globalization;

namespace Elfs.Engine.Encoders.Onnx;

/// <summary>
/// How an <c>onnx</c> encoder prepares pixels, resolved per setting from (in order) the model graph's fixed input side,
/// the model's metadata_props (<see cref="MetadataKeys"/>), the spec (configuration), and a default where one is safe
/// (channel order rgb; the only output). A missing setting, or one where the configuration contradicts the model, is an
/// <see cref="EncoderSettingException"/> naming the setting.
/// </summary>
/// <param name="InputSize">Square input side in pixels.</param>
/// <param name="Mean">Per-channel mean on pixels in [0,1], in the model's channel order.</param>
/// <param name="Std">Per-channel standard deviation, in the model's channel order.</param>
/// <param name="ChannelOrder"><c>rgb</c> or <c>bgr</c>.</param>
/// <param name="Output">The output holding the vector.</param>
public sealed record OnnxPreprocessing(int InputSize, float[] Mean, float[] Std, string ChannelOrder, string Output)
{
    /// <summary>The metadata_props keys read, by setting (see examples/export-encoder.md).</summary>
    public static IReadOnlyDictionary<string, string> MetadataKeys { get; } = new Dictionary<string, string>
    {
        ["EncoderInputSize"] = "elfs.input_size",
        ["EncoderMean"] = "elfs.mean",
        ["EncoderStd"] = "elfs.std",
        ["EncoderChannelOrder"] = "elfs.channel_order",
        ["EncoderOutput"] = "elfs.output",
    };

    /// <summary>Resolves every setting for a model with <paramref name="fixedInputSize"/>, <paramref name="metadata"/> and <paramref name="outputs"/>.</summary>
    /// <exception cref="EncoderSettingException">A setting is missing, malformed or contradicts the model.</exception>
    public static OnnxPreprocessing Resolve(int? fixedInputSize, IReadOnlyDictionary<string, string> metadata, IReadOnlyList<string> outputs,
        EncoderSpec spec)
    {
        var size = Pick("EncoderInputSize", fixedInputSize ?? Meta(metadata, "EncoderInputSize", ParseSize), spec.InputSize,
            fixedInputSize is null ? "elfs.input_size" : "input shape", v => v.ToString(CultureInfo.InvariantCulture))
            ?? throw Missing("EncoderInputSize", "the input side in pixels (e.g. 224)", "the input shape has dynamic sides");
        if (size is < 8 or > 4096) throw new EncoderSettingException("EncoderInputSize", $"{size} is not in 8..4096");
        var mean = Pick("EncoderMean", Meta(metadata, "EncoderMean", ParseTriple), spec.Mean, "elfs.mean", EncoderFingerprint.Join)
                   ?? throw Missing("EncoderMean", "three per-channel means on pixels in [0,1] (e.g. 0.485,0.456,0.406)", null);
        var std = Pick("EncoderStd", Meta(metadata, "EncoderStd", ParseTriple), spec.Std, "elfs.std", EncoderFingerprint.Join)
                  ?? throw Missing("EncoderStd", "three per-channel standard deviations (e.g. 0.229,0.224,0.225)", null);
        if (mean.Length != 3) throw new EncoderSettingException("EncoderMean", $"needs 3 values (one per channel), got {mean.Length}");
        if (std.Length != 3 || std.Any(s => !(s > 0))) throw new EncoderSettingException("EncoderStd", $"needs 3 positive values, got [{EncoderFingerprint.Join(std)}]");
        var order = Pick("EncoderChannelOrder", Meta(metadata, "EncoderChannelOrder", ParseOrder), spec.ChannelOrder is null ? null : Configured(spec.ChannelOrder),
            "elfs.channel_order", v => v) ?? "rgb";
        var output = Pick("EncoderOutput", Meta(metadata, "EncoderOutput", v => v), spec.Output, "elfs.output", v => v)
                     ?? (outputs.Count == 1 ? outputs[0] : throw Missing("EncoderOutput", $"the output holding the vector, one of {string.Join(", ", outputs)}", null));
        if (!outputs.Contains(output))
            throw new EncoderSettingException("EncoderOutput", $"the model has no output '{output}'; its outputs: {string.Join(", ", outputs)}");
        return new OnnxPreprocessing(size, mean, std, order, output);
    }

    /// <summary>Canonical text of the settings not in the fingerprint's own fields (channel order and output).</summary>
    public string Details => $"channels={ChannelOrder};output={Output}";

    private static T? Pick<T>(string setting, T? fromModel, T? configured, string modelKey, Func<T, string> show) where T : class =>
        fromModel is not null && configured is not null && show(fromModel) != show(configured)
            ? throw new EncoderSettingException(setting, $"'{show(configured)}' contradicts the model, whose {modelKey} says '{show(fromModel)}'; remove the setting or make them agree")
            : fromModel ?? configured;

    private static int? Pick(string setting, int? fromModel, int? configured, string modelKey, Func<int, string> show) =>
        fromModel is { } m && configured is { } c && m != c
            ? throw new EncoderSettingException(setting, $"'{show(c)}' contradicts the model, whose {modelKey} says '{show(m)}'; remove the setting or make them agree")
            : fromModel ?? configured;

    private static T? Meta<T>(IReadOnlyDictionary<string, string> metadata, string setting, Func<string, T> parse)
    {
        var key = MetadataKeys[setting];
        if (!metadata.TryGetValue(key, out var text)) return default;
        try
        {
            return parse(text);
        }
        catch (FormatException e)
        {
            throw new EncoderSettingException(setting, $"the model's metadata {key} = '{text}' is malformed ({e.Message}); fix the model's metadata");
        }
    }

    private static EncoderSettingException Missing(string setting, string what, string? why) =>
        new(setting, $"the ONNX model does not say {what} ({(why is null ? "" : why + " and ")}its metadata has no {MetadataKeys[setting]}); set {setting}");

    private static int? ParseSize(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException("not a whole number");

    private static float[] ParseTriple(string text) => EncoderSpec.ParseValues(text);

    private static string Configured(string order)
    {
        try
        {
            return ParseOrder(order);
        }
        catch (FormatException e)
        {
            throw new EncoderSettingException("EncoderChannelOrder", e.Message);
        }
    }

    private static string ParseOrder(string text) => text.Trim().ToLowerInvariant() switch
    {
        "rgb" => "rgb",
        "bgr" => "bgr",
        _ => throw new FormatException($"'{text}' is not rgb or bgr"),
    };
}
