namespace Elfs.Engine.Torch.Modules;

/// <summary>A parameter-free elementwise function as a module (for <see cref="Sequential"/>).</summary>
public sealed class Activation : Module
{
    private readonly Func<Tensor, Tensor> function;

    /// <summary>Wraps <paramref name="function"/>, e.g. <c>x =&gt; x.relu()</c>.</summary>
    public Activation(Func<Tensor, Tensor> function) => this.function = function;

    /// <summary>ReLU.</summary>
    public static Activation ReLU() => new(x => x.relu());

    /// <summary>GELU.</summary>
    public static Activation GELU() => new(x => x.gelu());

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => function(input);
}
