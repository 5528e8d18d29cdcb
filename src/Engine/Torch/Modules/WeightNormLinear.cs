namespace Elfs.Engine.Torch.Modules;

/// <summary>
/// A bias-free linear layer with weight normalisation: row k of the weight is g_k·v_k/‖v_k‖ (PyTorch's
/// <c>weight_norm(Linear(..., bias=False))</c>). g starts at the rows' norms, so the initial layer equals the plain one.
/// </summary>
public sealed class WeightNormLinear : Module
{
    /// <summary>Creates the layer; <paramref name="gInit"/> overrides the initial gains (TEMI sets them to 1).</summary>
    public WeightNormLinear(long inFeatures, long outFeatures, Generator generator, double? gInit = null, Device? device = null)
    {
        using var scope = torch.NewDisposeScope();
        var v = Init.DefaultUniform([outFeatures, inFeatures], inFeatures, generator, device);
        weight_v = RegisterParameter("weight_v", v);
        var g = gInit is { } value ? torch.full([outFeatures, 1], value, torch.float32, device) : v.norm(1, keepdim: true);
        weight_g = RegisterParameter("weight_g", g);
    }

    /// <summary>Direction, [out, in].</summary>
    public Parameter weight_v { get; }

    /// <summary>Gain per output row, [out, 1].</summary>
    public Parameter weight_g { get; }

    /// <summary>The effective weight g·v/‖v‖ (differentiable).</summary>
    public Tensor weight()
    {
        using var scope = torch.NewDisposeScope();
        var w = weight_g * (weight_v / weight_v.norm(1, keepdim: true));
        return scope.MoveToOuter(w);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var w = weight();
        return torch.nn.functional.linear(input, w);
    }
}
