using Elfs.Engine.Torch;
using Elfs.Engine.Torch.Modules;

namespace Elfs.Engine.Dynamics.Proxies;

/// <summary>3 × 3 convolution (no bias) → batch norm, optionally followed by ReLU.</summary>
public sealed class ConvBnRelu : Module
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d norm;
    private readonly bool relu;

    /// <summary>Creates the block.</summary>
    public ConvBnRelu(long inChannels, long outChannels, Generator generator, long stride = 1, bool relu = true, long kernel = 3)
    {
        conv = RegisterModule("conv", new Conv2d(inChannels, outChannels, kernel, generator, stride, padding: kernel / 2));
        norm = RegisterModule("bn", new BatchNorm2d(outChannels));
        this.relu = relu;
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var y = norm.forward(conv.forward(input));
        return scope.MoveToOuter(relu ? y.relu() : y);
    }
}
