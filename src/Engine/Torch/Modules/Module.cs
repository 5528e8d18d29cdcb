namespace Elfs.Engine.Torch.Modules;

/// <summary>
/// A network component with named parameters, buffers and child modules, as <c>torch.nn.Module</c>.
/// Subclasses register their parts in the constructor and implement <see cref="forward"/>.
/// </summary>
public abstract class Module : IDisposable
{
    private readonly List<(string Name, Parameter Value)> parameters = [];
    private readonly List<(string Name, Tensor Value)> buffers = [];
    private readonly List<(string Name, Module Value)> children = [];

    /// <summary>Whether the module is in training mode (affects batch norm).</summary>
    public bool training { get; private set; } = true;

    /// <summary>Runs the module.</summary>
    public abstract Tensor forward(Tensor input);

    /// <summary>TorchSharp's call syntax for <see cref="forward"/>.</summary>
    public Tensor call(Tensor input) => forward(input);

    /// <summary>Registers a trainable parameter under <paramref name="name"/>.</summary>
    protected Parameter RegisterParameter(string name, Tensor value)
    {
        var parameter = new Parameter(value);
        parameters.Add((name, parameter));
        return parameter;
    }

    /// <summary>Registers a non-trainable state tensor (e.g. running statistics) under <paramref name="name"/>.</summary>
    protected Tensor RegisterBuffer(string name, Tensor value)
    {
        value.DetachFromDisposeScope();
        buffers.Add((name, value));
        return value;
    }

    /// <summary>Registers a child module under <paramref name="name"/>.</summary>
    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        children.Add((name, module));
        return module;
    }

    /// <summary>Every parameter with its dotted name, children included.</summary>
    public IEnumerable<(string name, Parameter parameter)> named_parameters()
    {
        foreach (var (name, value) in parameters) yield return (name, value);
        foreach (var (prefix, child) in children)
            foreach (var (name, value) in child.named_parameters()) yield return ($"{prefix}.{name}", value);
    }

    /// <summary>Every parameter, children included.</summary>
    public IEnumerable<Parameter> parameters_() => named_parameters().Select(p => p.parameter);

    /// <summary>Every buffer with its dotted name, children included.</summary>
    public IEnumerable<(string name, Tensor buffer)> named_buffers()
    {
        foreach (var (name, value) in buffers) yield return (name, value);
        foreach (var (prefix, child) in children)
            foreach (var (name, value) in child.named_buffers()) yield return ($"{prefix}.{name}", value);
    }

    /// <summary>Parameters and buffers by dotted name: what <see cref="StateDict"/> saves.</summary>
    public IReadOnlyDictionary<string, Tensor> state_dict()
    {
        var state = new Dictionary<string, Tensor>();
        foreach (var (name, p) in named_parameters()) state[name] = p;
        foreach (var (name, b) in named_buffers()) state[name] = b;
        return state;
    }

    /// <summary>Switches to training (or evaluation) mode, children included.</summary>
    public Module train(bool on = true)
    {
        training = on;
        foreach (var (_, child) in children) child.train(on);
        return this;
    }

    /// <summary>Switches to evaluation mode.</summary>
    public Module eval() => train(false);

    /// <summary>Moves every parameter and buffer to <paramref name="device"/> in place.</summary>
    public Module to(Device device)
    {
        foreach (var tensor in state_dict().Values)
        {
            using var moved = tensor.to(device);
            tensor.set_data(moved);
        }
        return this;
    }

    /// <summary>Drops every parameter's accumulated gradient.</summary>
    public void zero_grad()
    {
        foreach (var p in parameters_()) p.zero_grad();
    }

    /// <summary>Saves parameters and buffers to a file (see <see cref="StateDict"/>).</summary>
    public void save(string path) => StateDict.Save(state_dict(), path);

    /// <summary>Loads parameters and buffers saved by <see cref="save"/>; names and shapes must match.</summary>
    public void load(string path) => StateDict.LoadInto(state_dict(), path);

    /// <summary>Frees every parameter, buffer and child.</summary>
    public void Dispose()
    {
        foreach (var (_, p) in parameters) p.Dispose();
        foreach (var (_, b) in buffers) b.Dispose();
        foreach (var (_, c) in children) c.Dispose();
        GC.SuppressFinalize(this);
    }
}
