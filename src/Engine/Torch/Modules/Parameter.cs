namespace Elfs.Engine.Torch.Modules;

/// <summary>A trainable tensor owned by a <see cref="Module"/>; it requires gradients and lives outside dispose scopes.</summary>
public sealed class Parameter : Tensor
{
    /// <summary>Takes <paramref name="data"/>'s values (detached) as a new leaf that requires gradients.</summary>
    public Parameter(Tensor data, bool requiresGrad = true) : base(DetachedHandle(data), registerInScope: false)
    {
        requires_grad = requiresGrad;
    }

    private static TensorHandle DetachedHandle(Tensor data)
    {
        var result = NativeMethods.elfs_detach(data.Handle);
        if (result.IsInvalid) throw TorchException.FromLastError("parameter");
        return result;
    }
}
