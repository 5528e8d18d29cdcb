namespace Elfs.Host.Configuration;

/// <summary>Where a project's image vectors come from.</summary>
public enum EncoderKind
{
    /// <summary>The built-in, weight-free HOG encoder (no model file): for small grayscale images.</summary>
    Builtin,

    /// <summary>The pretrained ImageNet ResNet-18 that ships with the program (no model file): for photos.</summary>
    ResNet18,

    /// <summary>An ONNX model file the admin exported (e.g. DINOv2, CLIP); preprocessing from its metadata or the settings.</summary>
    Onnx,

    /// <summary>A TorchScript model file the admin exported (e.g. DINOv2, CLIP).</summary>
    TorchScript,

    /// <summary>Vectors the team already has (<c>.npy</c> with <c>.ids.txt</c>, or <c>.csv</c> keyed by item id).</summary>
    Precomputed,
}
