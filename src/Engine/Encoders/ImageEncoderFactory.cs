
namespace Elfs.Engine.Encoders;

/// <summary>Builds the encoder a spec names.</summary>
public static class ImageEncoderFactory
{
    /// <summary>
    /// Creates the encoder of <paramref name="spec"/> on <paramref name="device"/> (auto, cpu, cuda, cuda:N; the built-in
    /// encoder always runs on the CPU). Throws <see cref="ArgumentException"/> naming the bad setting.
    /// </summary>
    public static IImageEncoder Create(EncoderSpec spec, string device = "auto")
    {
        ArgumentNullException.ThrowIfNull(spec);
        switch (spec.Kind.ToLowerInvariant())
        {
            case EncoderKinds.Builtin:
                if (spec.ModelPath is not null) throw new ArgumentException("encoder kind 'builtin' takes no model path");
                if (spec.Mean is not null || spec.Std is not null) throw new ArgumentException("encoder kind 'builtin' takes no mean/std (it works on gray pixels in [0,1])");
                _ = DeviceNames.Parse(device);
                return new BuiltinEncoder(spec.InputSize);
            case EncoderKinds.TorchScript:
                if (string.IsNullOrWhiteSpace(spec.ModelPath)) throw new ArgumentException("encoder kind 'torchscript' needs a model path (torchscript:FILE)");
                return new TorchScriptEncoder(spec.ModelPath, DeviceNames.Parse(device), spec.InputSize, spec.Mean, spec.Std);
            default:
                throw new ArgumentException($"encoder kind '{spec.Kind}' is not known; allowed: builtin, torchscript");
        }
    }
}
