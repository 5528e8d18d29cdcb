namespace Elfs.Engine.Encoders;

/// <summary>The values of <see cref="EncoderSpec.Kind"/>.</summary>
public static class EncoderKinds
{
    /// <summary>The weight-free built-in encoder.</summary>
    public const string Builtin = "builtin";

    /// <summary>A TorchScript model file.</summary>
    public const string TorchScript = "torchscript";
}
