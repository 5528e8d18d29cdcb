namespace Elfs.Engine.Torch;

/// <summary>
/// Collects every tensor created on this thread while it is the innermost open scope, and disposes them when it is
/// disposed. Results that must outlive the block are moved out with <see cref="MoveToOuter{T}"/> or
/// <see cref="Tensor.DetachFromDisposeScope"/>. Create one with <see cref="torch.NewDisposeScope"/>.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? current;

    private readonly DisposeScope? outer;
    private readonly HashSet<Tensor> tensors = new(ReferenceEqualityComparer.Instance);
    private bool disposed;

    internal DisposeScope()
    {
        outer = current;
        current = this;
    }

    /// <summary>The number of tensors the scope currently owns.</summary>
    public int Count => tensors.Count;

    internal static DisposeScope? Current => current;

    internal void Add(Tensor tensor) => tensors.Add(tensor);

    internal void Remove(Tensor tensor) => tensors.Remove(tensor);

    /// <summary>Hands the tensor to the enclosing scope (or to no scope), so it survives this one.</summary>
    public T MoveToOuter<T>(T tensor) where T : Tensor
    {
        if (tensors.Remove(tensor)) outer?.Add(tensor);
        tensor.Scope = outer;
        return tensor;
    }

    /// <summary>Disposes every tensor still owned and makes the enclosing scope current again.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (var tensor in tensors)
        {
            tensor.Scope = null;
            tensor.Dispose();
        }
        tensors.Clear();
        if (current == this) current = outer;
    }
}
