namespace Elfs.Host.Configuration;

/// <summary>Where a project's image vectors come from.</summary>
public enum EncoderKind
{
    /// <summary>The built-in, weight-free encoder (no model file).</summary>
    Builtin,

    /// <summary>A TorchScript model file the admin exported (e.g. DINOv2, CLIP).</summary>
    TorchScript,

    /// <summary>Vectors the team already has (<c>.npy</c> with <c>.ids.txt</c>, or <c>.csv</c> keyed by item id).</summary>
    Precomputed,
}
