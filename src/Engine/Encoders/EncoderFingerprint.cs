using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Elfs.Engine.Encoders;

/// <summary>Builds encoder fingerprints: lowercase hex SHA-256 of a canonical description of what shapes the vectors.</summary>
public static class EncoderFingerprint
{
    /// <summary>
    /// The tensor stack that computes the vectors; part of every fingerprint, so vectors made by another libtorch
    /// (the old libtorch 1.13 binding) are recomputed, never mixed with new ones.
    /// </summary>
    public const string TensorRuntime = "torchsharp-0.107/libtorch-2.10";

    /// <summary>
    /// Version of the decode/resize/crop code (ImageDecoder); part of every fingerprint, so changing how pixels are
    /// prepared invalidates cached vectors. Bump it with any change that alters decoded values.
    /// </summary>
    public const string PreprocessingVersion = "skia/box-reduce+skia-resize/center-crop/v2";

    /// <summary>
    /// Fingerprint of (<paramref name="kind"/>, <paramref name="identity"/> = model file hash or built-in version,
    /// input size, mean, std, <paramref name="runtime"/> (default <see cref="TensorRuntime"/>) and
    /// <paramref name="precision"/> (the model's dtype: <c>float32</c> or <c>float16</c>), plus
    /// <paramref name="details"/> (further preprocessing, e.g. channel order and the output used) when given. Floats are
    /// written round-trippably so any change of a setting changes the fingerprint.
    /// </summary>
    public static string Compute(string kind, string identity, int inputSize, IReadOnlyList<float>? mean, IReadOnlyList<float>? std,
        string precision = "float32", string? details = null, string? runtime = null)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder()
            .Append("kind=").Append(kind).Append('\n')
            .Append("identity=").Append(identity).Append('\n')
            .Append("preprocessing=").Append(PreprocessingVersion).Append('\n')
            .Append("input=").Append(inputSize.ToString(c)).Append('\n')
            .Append("mean=").Append(Join(mean)).Append('\n')
            .Append("std=").Append(Join(std)).Append('\n')
            .Append("runtime=").Append(runtime ?? TensorRuntime).Append('\n')
            .Append("precision=").Append(precision).Append('\n');
        if (details is not null) text.Append("details=").Append(details).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Lowercase hex SHA-256 of a file's bytes, read in a stream.</summary>
    public static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Writes <paramref name="values"/> round-trippably, comma-separated (<c>none</c> for null).</summary>
    public static string Join(IReadOnlyList<float>? values) =>
        values is null ? "none" : string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
