using System.Globalization;

namespace Elfs.Engine.Runtime;

/// <summary>The device names the options accept: <c>auto</c>, <c>cpu</c>, <c>cuda</c> and <c>cuda:N</c>.</summary>
internal static class DeviceNames
{
    /// <summary>Parses a device name; throws <see cref="ArgumentException"/> naming what is allowed.</summary>
    public static Device Parse(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        if (value == "auto") return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        if (value == "cpu") return torch.CPU;
        if (value == "cuda" || value.StartsWith("cuda:", StringComparison.Ordinal))
        {
            var index = 0;
            if (value.Length > 4 && (!int.TryParse(value.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out index) || index < 0))
                throw new ArgumentException($"device '{text}' has a bad index; allowed: auto, cpu, cuda, cuda:N");
            if (!torch.cuda.is_available())
                throw new ArgumentException($"device '{text}' was asked for but CUDA is not available here " +
                                            "(this build uses TorchSharp-cpu, or no GPU is visible); use 'auto' or 'cpu'");
            if (index >= torch.cuda.device_count())
                throw new ArgumentException($"device '{text}' does not exist: {torch.cuda.device_count()} CUDA device(s) are visible");
            return torch.device(DeviceType.CUDA, index);
        }
        throw new ArgumentException($"device '{text}' is not known; allowed: auto, cpu, cuda, cuda:N");
    }

    /// <summary>The canonical name of <paramref name="device"/>: <c>cpu</c> or <c>cuda:N</c>.</summary>
    public static string Name(Device device) =>
        device.type == DeviceType.CPU ? "cpu" : $"cuda:{Math.Max(device.index, 0)}";
}
