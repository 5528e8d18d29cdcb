using TorchSharp.Modules;

namespace Elfs.Engine.Training;

/// <summary>
/// Weight initialisation drawn on the CPU from a seeded generator, then moved to the device: one seed gives the same
/// numbers on CPU and CUDA (a CUDA generator would draw a different stream).
/// </summary>
internal static class Init
{
    /// <summary>U(−1/√fanIn, 1/√fanIn): PyTorch's default for Linear and Conv weights and biases.</summary>
    public static Tensor DefaultUniform(long[] shape, long fanIn, torch.Generator generator, Device? device = null)
    {
        var bound = 1.0 / Math.Sqrt(fanIn);
        return Placed(torch.empty(shape, float32).uniform_(-bound, bound, generator), device);
    }

    /// <summary>N(0, std²).</summary>
    public static Tensor Normal(long[] shape, double std, torch.Generator generator, Device? device = null) =>
        Placed(torch.empty(shape, float32).normal_(0, std, generator), device);

    /// <summary>Kaiming normal with fan-out and ReLU gain (torchvision's ResNet convolutions).</summary>
    public static Tensor KaimingNormalFanOut(long[] shape, torch.Generator generator, Device? device = null)
    {
        var fanOut = shape[0];
        for (var i = 2; i < shape.Length; i++) fanOut *= shape[i];
        return Normal(shape, Math.Sqrt(2.0 / fanOut), generator, device);
    }

    /// <summary>A linear layer with PyTorch's default initialisation, drawn from <paramref name="generator"/>.</summary>
    public static Linear Linear(long inFeatures, long outFeatures, torch.Generator generator)
    {
        var layer = nn.Linear(inFeatures, outFeatures);
        Assign(layer.weight, DefaultUniform([outFeatures, inFeatures], inFeatures, generator));
        Assign(layer.bias!, DefaultUniform([outFeatures], inFeatures, generator));
        return layer;
    }

    /// <summary>Overwrites <paramref name="target"/> (a parameter) with <paramref name="values"/> without recording it.</summary>
    public static void Assign(Tensor target, Tensor values)
    {
        using var noGrad = torch.no_grad();
        using (values) target.copy_(values);
    }

    private static Tensor Placed(Tensor cpu, Device? device)
    {
        if (device is null || device.type == DeviceType.CPU) return cpu;
        using (cpu) return cpu.to(device);
    }
}
