using System.Runtime.InteropServices;

namespace Elfs.Engine.Torch;

/// <summary>Owns one native CPU random generator.</summary>
internal sealed class GeneratorHandle : SafeHandle
{
    public GeneratorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.elfs_generator_free(handle);
        return true;
    }
}
