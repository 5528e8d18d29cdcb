using System.Runtime.InteropServices;

namespace Elfs.Engine.Torch;

/// <summary>Owns one native TorchScript module.</summary>
internal sealed class ScriptModuleHandle : SafeHandle
{
    public ScriptModuleHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    internal ScriptModuleHandle(nint pointer) : this() => SetHandle(pointer);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.elfs_jit_free(handle);
        return true;
    }
}
