namespace Elfs.Engine.Torch;

/// <summary>A device: its type and index. <see cref="Parse"/> accepts <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c> and <c>auto</c>.</summary>
/// <param name="Type">The device type.</param>
/// <param name="Index">The device index (0 for the CPU).</param>
public sealed record Device(DeviceType Type, int Index = 0)
{
    /// <summary>The host.</summary>
    public static Device CPU { get; } = new(DeviceType.CPU);

    /// <summary>The first CUDA device.</summary>
    public static Device CUDA { get; } = new(DeviceType.CUDA);

    /// <summary>The first CUDA device when one is usable, else the CPU.</summary>
    public static Device Auto => torch.cuda.is_available() ? CUDA : CPU;

    /// <summary>Parses a device name; throws <see cref="ArgumentException"/> naming what is allowed.</summary>
    public static Device Parse(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        if (value == "auto") return Auto;
        if (value == "cpu") return CPU;
        if (value == "cuda" || value.StartsWith("cuda:", StringComparison.Ordinal))
        {
            var index = 0;
            if (value.Length > 4 && (!int.TryParse(value.AsSpan(5), System.Globalization.NumberStyles.None, null, out index) || index < 0))
                throw new ArgumentException($"device '{text}' has a bad index; allowed: auto, cpu, cuda, cuda:N");
            if (!torch.cuda.is_available())
                throw new ArgumentException($"device '{text}' was asked for but CUDA is not available here " +
                                            "(this libtorch has no CUDA support or no GPU is visible); use 'auto' or 'cpu'");
            return new Device(DeviceType.CUDA, index);
        }
        throw new ArgumentException($"device '{text}' is not known; allowed: auto, cpu, cuda, cuda:N");
    }

    /// <inheritdoc />
    public override string ToString() => Type == DeviceType.CPU ? "cpu" : $"cuda:{Index}";
}
