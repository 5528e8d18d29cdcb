namespace Elfs.Engine.Torch;

public partial class Tensor
{
    /// <summary>Whether operations on this tensor are recorded for differentiation.</summary>
    public bool requires_grad
    {
        get => NativeMethods.elfs_requires_grad(Handle) != 0;
        set => TorchException.Check(NativeMethods.elfs_requires_grad_(Handle, value ? 1 : 0), "requires_grad_");
    }

    /// <summary>Sets <see cref="requires_grad"/> and returns this tensor.</summary>
    public Tensor requires_grad_(bool value = true)
    {
        requires_grad = value;
        return this;
    }

    /// <summary>Whether this tensor was created by the user rather than by a recorded operation.</summary>
    public bool is_leaf => NativeMethods.elfs_is_leaf(Handle) != 0;

    /// <summary>Back-propagates from this (scalar) tensor, accumulating into the leaves' <see cref="grad"/>.</summary>
    public void backward(Tensor? gradient = null)
    {
        var g = gradient is null ? 0 : gradient.Handle.DangerousGetHandle();
        TorchException.Check(NativeMethods.elfs_backward(Handle, g), "backward");
        GC.KeepAlive(gradient);
    }

    /// <summary>The accumulated gradient as a new handle, or null when none has been computed.</summary>
    public Tensor? grad()
    {
        TorchException.Check(NativeMethods.elfs_grad(Handle, out var g), "grad");
        return g == 0 ? null : Wrap(g);
    }

    /// <summary>Drops the accumulated gradient (the next backward starts from none).</summary>
    public void zero_grad() => TorchException.Check(NativeMethods.elfs_grad_reset(Handle), "zero_grad");

    /// <summary>The same data, cut off from the autograd graph.</summary>
    public Tensor detach() => Wrap(NativeMethods.elfs_detach(Handle), "detach");

    /// <summary>Replaces this tensor's data (shape, type, device) in place, keeping its identity (PyTorch's <c>x.data = y</c>).</summary>
    public void set_data(Tensor source) => TorchException.Check(NativeMethods.elfs_set_data(Handle, source.Handle), "set_data");
}
