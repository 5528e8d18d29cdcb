namespace Elfs.Engine.Torch;

/// <summary>A seeded random generator. Draws are made on the CPU and moved to the target device, so a seed gives
/// the same numbers everywhere.</summary>
public sealed class Generator : IDisposable
{
    /// <summary>Creates a generator with the given seed.</summary>
    public Generator(ulong seed)
    {
        Seed = seed;
        var pointer = NativeMethods.elfs_generator_new(seed);
        if (pointer == 0) throw TorchException.FromLastError("generator");
        Handle = new GeneratorHandle();
        System.Runtime.InteropServices.Marshal.InitHandle(Handle, pointer);
    }

    /// <summary>The seed it was created with.</summary>
    public ulong Seed { get; }

    internal GeneratorHandle Handle { get; }

    /// <summary>Frees the native generator.</summary>
    public void Dispose() => Handle.Dispose();
}
