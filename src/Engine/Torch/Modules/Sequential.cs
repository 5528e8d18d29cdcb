namespace Elfs.Engine.Torch.Modules;

/// <summary>Runs child modules in order; intermediates are freed as it goes.</summary>
public sealed class Sequential : Module
{
    private readonly List<Module> layers = [];

    /// <summary>Creates the chain; children are named 0, 1, 2, … as in PyTorch.</summary>
    public Sequential(params Module[] modules)
    {
        for (var i = 0; i < modules.Length; i++) layers.Add(RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), modules[i]));
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var layer in layers)
        {
            var next = layer.forward(x);
            if (!ReferenceEquals(x, input)) x.Dispose();
            x = next;
        }
        return ReferenceEquals(x, input) ? x.alias() : x;
    }
}
