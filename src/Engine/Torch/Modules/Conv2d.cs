namespace Elfs.Engine.Torch.Modules;

/// <summary>2-D convolution with a square kernel, Kaiming-normal (fan-out) initialised.</summary>
public sealed class Conv2d : Module
{
    private readonly long stride;
    private readonly long padding;

    /// <summary>Creates the layer.</summary>
    public Conv2d(long inChannels, long outChannels, long kernel, Generator generator, long stride = 1, long padding = 0, bool hasBias = false, Device? device = null)
    {
        this.stride = stride;
        this.padding = padding;
        using var scope = torch.NewDisposeScope();
        weight = RegisterParameter("weight", Init.KaimingNormalFanOut([outChannels, inChannels, kernel, kernel], generator, device));
        if (hasBias) bias = RegisterParameter("bias", torch.zeros([outChannels], torch.float32, device));
    }

    /// <summary>[out, in, k, k].</summary>
    public Parameter weight { get; }

    /// <summary>[out], or null.</summary>
    public Parameter? bias { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => torch.nn.functional.conv2d(input, weight, bias, stride, padding);
}
