namespace Elfs.Engine.Torch.Optim;

/// <summary>AdamW (decoupled weight decay, bias-corrected moments), as <c>torch.optim.AdamW</c>.</summary>
public sealed class AdamW : Optimizer
{
    private readonly double beta1;
    private readonly double beta2;
    private readonly double eps;
    private readonly Dictionary<Tensor, long> steps = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the optimizer.</summary>
    public AdamW(IEnumerable<ParamGroup> groups, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8) : base(groups)
    {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    /// <inheritdoc />
    protected override int StateSize => 2;

    /// <inheritdoc />
    protected override void Update(Tensor p, Tensor grad, ParamGroup group, Tensor[] state)
    {
        var step = steps[p] = steps.GetValueOrDefault(p) + 1;
        var (m, v) = (state[0], state[1]);
        if (group.WeightDecay != 0) p.mul_(1 - group.LearningRate * group.WeightDecay);
        m.mul_(beta1).add_(grad, 1 - beta1);
        v.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
        var correction1 = 1 - Math.Pow(beta1, step);
        var correction2 = 1 - Math.Pow(beta2, step);
        var denominator = (v.sqrt() / Math.Sqrt(correction2)).add_(eps);
        p.addcdiv_(m, denominator, -group.LearningRate / correction1);
    }
}
