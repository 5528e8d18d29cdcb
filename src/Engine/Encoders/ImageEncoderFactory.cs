
namespace Elfs.Engine.Encoders;

/// <summary>Builds the encoder a spec names.</summary>
public static class ImageEncoderFactory
{
    /// <summary>
    /// Creates the encoder of <paramref name="spec"/> on <paramref name="device"/> (auto, cpu, cuda, cuda:N; the built-in
    /// encoder always runs on the CPU). Throws <see cref="ArgumentException"/> naming the bad setting
    /// (<see cref="EncoderSettingException"/> for settings of the model).
    /// </summary>
    public static IImageEncoder Create(EncoderSpec spec, string device = "auto", int batchSize = 64)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var kind = spec.Kind.ToLowerInvariant();
        switch (kind)
        {
            case EncoderKinds.Builtin:
            case EncoderKinds.ResNet18:
                if (spec.ModelPath is not null) throw new EncoderSettingException("EncoderPath", $"encoder kind '{kind}' takes no model file");
                if (spec.Mean is not null || spec.Std is not null)
                    throw new EncoderSettingException(spec.Mean is not null ? "EncoderMean" : "EncoderStd", $"encoder kind '{kind}' has its own preprocessing and takes no mean/std");
                if (spec.ChannelOrder is not null || spec.Output is not null)
                    throw new EncoderSettingException(spec.ChannelOrder is not null ? "EncoderChannelOrder" : "EncoderOutput", $"encoder kind '{kind}' takes no channel order or output name");
                if (kind == EncoderKinds.Builtin)
                {
                    _ = DeviceNames.Parse(device);
                    return new BuiltinEncoder(spec.InputSize);
                }
                if (spec.InputSize is { } size && size != ResNet18Encoder.InputSize)
                    throw new EncoderSettingException("EncoderInputSize", $"encoder kind 'resnet18' is fixed at {ResNet18Encoder.InputSize} pixels, got {size}");
                return new ResNet18Encoder(DeviceNames.Parse(device), batchSize);
            case EncoderKinds.Onnx:
                return new OnnxEncoder(spec, DeviceNames.Parse(device), batchSize);
            case EncoderKinds.TorchScript:
                if (string.IsNullOrWhiteSpace(spec.ModelPath)) throw new ArgumentException("encoder kind 'torchscript' needs a model path (torchscript:FILE)");
                return new TorchScriptEncoder(spec.ModelPath, DeviceNames.Parse(device), spec.InputSize, spec.Mean, spec.Std, batchSize);
            default:
                throw new ArgumentException($"encoder kind '{spec.Kind}' is not known; allowed: {EncoderKinds.Allowed}");
        }
    }
}
