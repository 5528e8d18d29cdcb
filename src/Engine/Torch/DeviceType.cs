namespace Elfs.Engine.Torch;

/// <summary>Where a tensor lives.</summary>
public enum DeviceType
{
    /// <summary>Host memory.</summary>
    CPU = 0,
    /// <summary>An NVIDIA GPU.</summary>
    CUDA = 1,
}
