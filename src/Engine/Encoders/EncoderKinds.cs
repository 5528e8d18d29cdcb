namespace Elfs.Engine.Encoders;

/// <summary>The values of <see cref="EncoderSpec.Kind"/>.</summary>
public static class EncoderKinds
{
    /// <summary>The weight-free built-in encoder (HOG features, for small grayscale images).</summary>
    public const string Builtin = "builtin";

    /// <summary>A TorchScript model file.</summary>
    public const string TorchScript = "torchscript";

    /// <summary>An ONNX model file (preprocessing from its metadata or the spec).</summary>
    public const string Onnx = "onnx";

    /// <summary>The pretrained ImageNet ResNet-18 that ships with the engine (ONNX, 512-d), for photos.</summary>
    public const string ResNet18 = "resnet18";

    /// <summary>Every kind <see cref="ImageEncoderFactory"/> builds, as the error messages list them.</summary>
    public const string Allowed = "builtin, resnet18, onnx, torchscript";
}
