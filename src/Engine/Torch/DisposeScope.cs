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
        outer = Current;
        current = this;
    }

    /// <summary>The number of tensors the scope currently owns.</summary>
    public int Count => tensors.Count;

    // A scope disposed out of order, or from another thread, may still be recorded as current here; skip it, so new
    // tensors never land in a scope that will not dispose them again.
    internal static DisposeScope? Current
    {
        get
        {
            while (current is { disposed: true }) current = current.outer;
            return current;
        }
    }

    internal void Add(Tensor tensor) => tensors.Add(tensor);

    internal void Remove(Tensor tensor) => tensors.Remove(tensor);

    /// <summary>Hands the tensor to the enclosing scope (or to no scope), so it survives this one.</summary>
    public T MoveToOuter<T>(T tensor) where T : Tensor
    {
        if (!tensors.Remove(tensor)) return tensor;
        var target = outer;
        while (target is { disposed: true }) target = target.outer;
        target?.Add(tensor);
        tensor.Scope = target;
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
