namespace Elfs.Engine.Torch.Modules;

/// <summary>y = x·Wᵀ + b, with PyTorch's default initialisation from a seeded generator.</summary>
public sealed class Linear : Module
{
    /// <summary>Creates the layer.</summary>
    public Linear(long inFeatures, long outFeatures, Generator generator, bool hasBias = true, Device? device = null)
    {
        using var scope = torch.NewDisposeScope();
        weight = RegisterParameter("weight", Init.DefaultUniform([outFeatures, inFeatures], inFeatures, generator, device));
        if (hasBias) bias = RegisterParameter("bias", Init.DefaultUniform([outFeatures], inFeatures, generator, device));
    }

    /// <summary>[out, in].</summary>
    public Parameter weight { get; }

    /// <summary>[out], or null without bias.</summary>
    public Parameter? bias { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => torch.nn.functional.linear(input, weight, bias);
}
