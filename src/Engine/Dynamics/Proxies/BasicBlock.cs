using Elfs.Engine.Torch;
using Elfs.Engine.Torch.Modules;

namespace Elfs.Engine.Dynamics.Proxies;

/// <summary>ResNet basic block: two 3 × 3 conv-BN layers and an identity (or 1 × 1 strided conv-BN) shortcut.</summary>
public sealed class BasicBlock : Module
{
    private readonly ConvBnRelu first;
    private readonly ConvBnRelu second;
    private readonly ConvBnRelu? shortcut;

    /// <summary>Creates the block.</summary>
    public BasicBlock(long inChannels, long outChannels, long stride, Generator generator)
    {
        first = RegisterModule("conv1", new ConvBnRelu(inChannels, outChannels, generator, stride));
        second = RegisterModule("conv2", new ConvBnRelu(outChannels, outChannels, generator, relu: false));
        if (stride != 1 || inChannels != outChannels)
            shortcut = RegisterModule("shortcut", new ConvBnRelu(inChannels, outChannels, generator, stride, relu: false, kernel: 1));
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var residual = shortcut?.forward(input) ?? input;
        return scope.MoveToOuter((second.forward(first.forward(input)) + residual).relu());
    }
}
