using System.Runtime.InteropServices;

namespace Elfs.Engine.Torch;

/// <summary>Owns one native <c>at::Tensor*</c>; releasing it frees the native tensor.</summary>
internal sealed class TensorHandle : SafeHandle
{
    public TensorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    internal TensorHandle(nint pointer) : this() => SetHandle(pointer);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.elfs_tensor_free(handle);
        return true;
    }
}
