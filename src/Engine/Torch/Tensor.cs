using System.Runtime.InteropServices;

namespace Elfs.Engine.Torch;

/// <summary>
/// A libtorch tensor. Shaped after TorchSharp's <c>torch.Tensor</c>: lower-case method names as in PyTorch.
/// Dispose it, or create it inside a <see cref="DisposeScope"/>.
/// </summary>
public partial class Tensor : IDisposable
{
    private readonly TensorHandle handle;

    internal Tensor(TensorHandle handle) : this(handle, registerInScope: true) { }

    private protected Tensor(TensorHandle handle, bool registerInScope)
    {
        this.handle = handle;
        if (!registerInScope) return;
        Scope = DisposeScope.Current;
        Scope?.Add(this);
    }

    internal DisposeScope? Scope { get; set; }

    internal TensorHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle.IsClosed, this);
            return handle;
        }
    }

    /// <summary>Whether the native tensor has been freed.</summary>
    public bool IsInvalid => handle.IsClosed || handle.IsInvalid;

    /// <summary>Wraps a native result, raising libtorch's error when there is none.</summary>
    internal static Tensor Wrap(TensorHandle result, string operation)
    {
        if (result.IsInvalid) throw TorchException.FromLastError(operation);
        return new Tensor(result);
    }

    internal static Tensor Wrap(nint pointer) => new(new TensorHandle(pointer));

    /// <summary>The number of dimensions.</summary>
    public int dim() => NativeMethods.elfs_tensor_ndim(Handle);

    /// <summary>The sizes of every dimension.</summary>
    public unsafe long[] shape
    {
        get
        {
            var result = new long[dim()];
            fixed (long* p = result) NativeMethods.elfs_tensor_shape(Handle, p);
            return result;
        }
    }

    /// <summary>The size of one dimension (negative counts from the end).</summary>
    public long size(int dimension)
    {
        var s = shape;
        return s[dimension < 0 ? s.Length + dimension : dimension];
    }

    /// <summary>The number of elements.</summary>
    public long numel()
    {
        long n = 1;
        foreach (var d in shape) n *= d;
        return n;
    }

    /// <summary>The element type.</summary>
    public ScalarType dtype => (ScalarType)NativeMethods.elfs_tensor_dtype(Handle);

    /// <summary>The device holding the data.</summary>
    public Device device => new((DeviceType)NativeMethods.elfs_tensor_device_type(Handle), NativeMethods.elfs_tensor_device_index(Handle));

    /// <summary>A copy (or this tensor's data, when nothing changes) on another device.</summary>
    public Tensor to(Device target) => Wrap(NativeMethods.elfs_tensor_to(Handle, (int)dtype, (int)target.Type, target.Index), "to");

    /// <summary>A copy converted to another element type.</summary>
    public Tensor to(ScalarType type) => Wrap(NativeMethods.elfs_tensor_to(Handle, (int)type, (int)device.Type, device.Index), "to");

    /// <summary>A copy converted to another element type on another device.</summary>
    public Tensor to(ScalarType type, Device target) => Wrap(NativeMethods.elfs_tensor_to(Handle, (int)type, (int)target.Type, target.Index), "to");

    /// <summary>A copy on the CPU.</summary>
    public Tensor cpu() => to(Device.CPU);

    /// <summary>A deep copy.</summary>
    public Tensor clone() => Wrap(NativeMethods.elfs_tensor_clone(Handle), "clone");

    /// <summary>A contiguous tensor with the same values.</summary>
    public Tensor contiguous() => Wrap(NativeMethods.elfs_tensor_contiguous(Handle), "contiguous");

    /// <summary>A second handle to the same tensor (shares data and autograd history).</summary>
    public Tensor alias() => Wrap(NativeMethods.elfs_tensor_alias(Handle), "alias");

    /// <summary>Copies every element, in row-major order, into <paramref name="destination"/>, whose length must match.</summary>
    public unsafe void CopyTo<T>(Span<T> destination) where T : unmanaged
    {
        Dtypes.Require<T>(dtype, "CopyTo");
        fixed (T* p = destination)
            TorchException.Check(NativeMethods.elfs_tensor_copy_to(Handle, p, (long)destination.Length * sizeof(T)), "copy_to");
    }

    /// <summary>All elements in row-major order.</summary>
    public T[] ToArray<T>() where T : unmanaged
    {
        var result = new T[numel()];
        CopyTo<T>(result);
        return result;
    }

    /// <summary>TorchSharp's spelling of <see cref="ToArray{T}"/>.</summary>
    public T[] data<T>() where T : unmanaged => ToArray<T>();

    /// <summary>The value of a one-element tensor.</summary>
    public T item<T>() where T : unmanaged
    {
        if (numel() != 1) throw new InvalidOperationException($"item() needs a one-element tensor, this one has shape [{string.Join(", ", shape)}]");
        return ToArray<T>()[0];
    }

    /// <summary>Takes the tensor out of its dispose scope; the caller disposes it.</summary>
    public Tensor DetachFromDisposeScope()
    {
        Scope?.Remove(this);
        Scope = null;
        return this;
    }

    /// <summary>Moves the tensor to the scope enclosing its current one.</summary>
    public Tensor MoveToOuterDisposeScope() => Scope is null ? this : Scope.MoveToOuter(this);

    /// <summary>libtorch's printout of the values.</summary>
    public unsafe override string ToString()
    {
        if (IsInvalid) return "Tensor(disposed)";
        var buffer = new byte[1 << 16];
        fixed (byte* p = buffer)
        {
            if (NativeMethods.elfs_tensor_to_string(Handle, p, buffer.Length) != 0) return $"Tensor[{string.Join(", ", shape)}]";
            return Marshal.PtrToStringUTF8((nint)p) ?? "";
        }
    }

    /// <summary>Frees the native tensor now.</summary>
    public void Dispose()
    {
        Scope?.Remove(this);
        Scope = null;
        handle.Dispose();
        GC.SuppressFinalize(this);
    }
}
