using Elfs.Engine.Training;
using TorchSharp.Modules;
namespace Elfs.Engine.Dynamics.Proxies;

/// <summary>ResNet basic block: two 3 × 3 conv-BN layers and an identity (or 1 × 1 strided conv-BN) shortcut.</summary>
public sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly ConvBnRelu conv1;
    private readonly ConvBnRelu conv2;
    private readonly ConvBnRelu? shortcut;

    /// <summary>Creates the block.</summary>
    public BasicBlock(long inChannels, long outChannels, long stride, torch.Generator generator) : base(nameof(BasicBlock))
    {
        conv1 = new ConvBnRelu(inChannels, outChannels, generator, stride);
        conv2 = new ConvBnRelu(outChannels, outChannels, generator, relu: false);
        if (stride != 1 || inChannels != outChannels)
            shortcut = new ConvBnRelu(inChannels, outChannels, generator, stride, relu: false, kernel: 1);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var residual = shortcut?.forward(input) ?? input;
        return scope.MoveToOuter((conv2.forward(conv1.forward(input)) + residual).relu());
    }
}
