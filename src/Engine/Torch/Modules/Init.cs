namespace Elfs.Engine.Torch.Modules;

/// <summary>Seeded parameter initialisers (PyTorch's defaults).</summary>
public static class Init
{
    /// <summary>U(−1/√fanIn, 1/√fanIn): PyTorch's default for Linear and Conv2d weights and biases.</summary>
    public static Tensor DefaultUniform(long[] shape, long fanIn, Generator generator, Device? device = null)
    {
        var bound = 1.0 / Math.Sqrt(fanIn);
        var t = torch.empty(shape, torch.float32, device);
        return t.uniform_(-bound, bound, generator);
    }

    /// <summary>N(0, std²).</summary>
    public static Tensor Normal(long[] shape, double std, Generator generator, Device? device = null) =>
        torch.empty(shape, torch.float32, device).normal_(0, std, generator);

    /// <summary>Kaiming-normal for ReLU networks (fan-out mode), as torchvision's ResNets use.</summary>
    public static Tensor KaimingNormalFanOut(long[] shape, Generator generator, Device? device = null)
    {
        long fanOut = shape[0];
        for (var i = 2; i < shape.Length; i++) fanOut *= shape[i];
        return Normal(shape, Math.Sqrt(2.0 / fanOut), generator, device);
    }
}
