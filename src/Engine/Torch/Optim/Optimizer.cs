namespace Elfs.Engine.Torch.Optim;

/// <summary>
/// Base of the optimizers: parameter groups, <see cref="zero_grad"/>, and a <see cref="step"/> that updates every
/// parameter that has a gradient (a parameter whose gradient was dropped is left alone, which is how a layer is frozen).
/// </summary>
public abstract class Optimizer : IDisposable
{
    private readonly Dictionary<Tensor, Tensor[]> state = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the optimizer over <paramref name="groups"/>.</summary>
    protected Optimizer(IEnumerable<ParamGroup> groups) => ParamGroups = groups.ToList();

    /// <summary>The groups, whose learning rate and weight decay schedules may change between steps.</summary>
    public IReadOnlyList<ParamGroup> ParamGroups { get; }

    /// <summary>Sets every group's learning rate.</summary>
    public void SetLearningRate(double learningRate)
    {
        foreach (var g in ParamGroups) g.LearningRate = learningRate;
    }

    /// <summary>Drops the gradients of every parameter.</summary>
    public void zero_grad()
    {
        foreach (var g in ParamGroups)
            foreach (var p in g.Parameters) p.zero_grad();
    }

    /// <summary>Applies one update.</summary>
    public void step()
    {
        using var noGrad = torch.no_grad();
        foreach (var group in ParamGroups)
            foreach (var p in group.Parameters)
            {
                using var scope = torch.NewDisposeScope();
                var grad = p.grad();
                if (grad is null) continue;
                Update(p, grad, group, StateOf(p));
            }
    }

    /// <summary>Updates one parameter in place; temporaries are freed by the caller's scope.</summary>
    protected abstract void Update(Tensor parameter, Tensor grad, ParamGroup group, Tensor[] state);

    /// <summary>The number of state tensors each parameter needs (created as zeros of its shape).</summary>
    protected abstract int StateSize { get; }

    private Tensor[] StateOf(Tensor p)
    {
        if (state.TryGetValue(p, out var s)) return s;
        s = new Tensor[StateSize];
        for (var i = 0; i < s.Length; i++) s[i] = torch.zeros_like(p).DetachFromDisposeScope();
        state[p] = s;
        return s;
    }

    /// <summary>Frees the optimizer state.</summary>
    public void Dispose()
    {
        foreach (var s in state.Values)
            foreach (var t in s) t.Dispose();
        state.Clear();
        GC.SuppressFinalize(this);
    }
}
