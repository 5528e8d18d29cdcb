namespace Elfs.Engine.Torch.Optim;

/// <summary>SGD with momentum, optional Nesterov and L2 weight decay, as <c>torch.optim.SGD</c> (dampening 0).</summary>
public sealed class SGD : Optimizer
{
    private readonly double momentum;
    private readonly bool nesterov;
    private readonly HashSet<Tensor> started = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the optimizer.</summary>
    public SGD(IEnumerable<ParamGroup> groups, double momentum = 0, bool nesterov = false) : base(groups)
    {
        if (nesterov && momentum <= 0) throw new ArgumentException("Nesterov momentum needs momentum > 0", nameof(nesterov));
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    /// <inheritdoc />
    protected override int StateSize => 1;

    /// <inheritdoc />
    protected override void Update(Tensor p, Tensor grad, ParamGroup group, Tensor[] state)
    {
        var d = group.WeightDecay != 0 ? grad + p * group.WeightDecay : grad;
        if (momentum != 0)
        {
            var buffer = state[0];
            if (started.Add(p)) buffer.copy_(d);
            else buffer.mul_(momentum).add_(d);
            d = nesterov ? d + buffer * momentum : buffer;
        }
        p.add_(d, -group.LearningRate);
    }
}
