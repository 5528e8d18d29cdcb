using Elfs.Engine.Training;
using TorchSharp.Modules;
namespace Elfs.Engine.Dynamics.Proxies;

/// <summary>3 × 3 convolution (no bias) → batch norm, optionally followed by ReLU.</summary>
public sealed class ConvBnRelu : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;
    private readonly bool relu;

    /// <summary>Creates the block.</summary>
    public ConvBnRelu(long inChannels, long outChannels, torch.Generator generator, long stride = 1, bool relu = true, long kernel = 3)
        : base(nameof(ConvBnRelu))
    {
        conv = nn.Conv2d(inChannels, outChannels, kernel, stride: stride, padding: kernel / 2, bias: false);
        Init.Assign(conv.weight, Init.KaimingNormalFanOut([outChannels, inChannels, kernel, kernel], generator));
        bn = nn.BatchNorm2d(outChannels);
        this.relu = relu;
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var y = bn.forward(conv.forward(input));
        return scope.MoveToOuter(relu ? y.relu() : y);
    }
}
