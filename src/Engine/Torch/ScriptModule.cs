using System.Text;

namespace Elfs.Engine.Torch;

/// <summary>A TorchScript module: loaded from a file a user exported, or defined from script source (for tests).</summary>
public sealed unsafe class ScriptModule : IDisposable
{
    private readonly ScriptModuleHandle handle;

    private ScriptModule(nint pointer, string operation)
    {
        if (pointer == 0) throw TorchException.FromLastError(operation);
        handle = new ScriptModuleHandle(pointer);
    }

    /// <summary>Loads a TorchScript file onto <paramref name="device"/>.</summary>
    public static ScriptModule Load(string path, Device? device = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"TorchScript file '{path}' does not exist", path);
        var d = device ?? Device.CPU;
        return new ScriptModule(NativeMethods.elfs_jit_load(path, (int)d.Type, d.Index), $"loading TorchScript '{path}'");
    }

    /// <summary>Compiles TorchScript <paramref name="source"/> (which defines <c>forward</c>) with the given parameters.</summary>
    public static ScriptModule Define(string source, IReadOnlyDictionary<string, Tensor>? parameters = null)
    {
        var items = parameters?.ToList() ?? [];
        var names = items.Select(p => Encoding.UTF8.GetBytes(p.Key + "\0")).ToArray();
        var namePins = names.Select(n => System.Runtime.InteropServices.GCHandle.Alloc(n, System.Runtime.InteropServices.GCHandleType.Pinned)).ToArray();
        try
        {
            var namePointers = namePins.Select(h => h.AddrOfPinnedObject()).ToArray();
            var values = torch.HandlesOf(items.Select(p => p.Value).ToList());
            // TorchScript's parser needs the last line to end with a newline (C# raw strings don't).
            var sourceBytes = Encoding.UTF8.GetBytes(source.EndsWith('\n') ? source + "\0" : source + "\n\0");
            fixed (byte* s = sourceBytes)
            fixed (nint* n = namePointers)
            fixed (nint* v = values)
            {
                var pointer = NativeMethods.elfs_jit_define(s, n, v, items.Count);
                GC.KeepAlive(parameters);
                return new ScriptModule(pointer, "defining TorchScript module");
            }
        }
        finally
        {
            foreach (var pin in namePins) pin.Free();
        }
    }

    /// <summary>Writes the module to a file that <see cref="Load"/> (or PyTorch's <c>torch.jit.load</c>) reads.</summary>
    public void Save(string path) => TorchException.Check(NativeMethods.elfs_jit_save(handle, path), $"saving TorchScript '{path}'");

    /// <summary>Switches to evaluation mode.</summary>
    public ScriptModule eval()
    {
        TorchException.Check(NativeMethods.elfs_jit_eval(handle), "eval");
        return this;
    }

    /// <summary>Moves the module to a device.</summary>
    public ScriptModule to(Device device)
    {
        TorchException.Check(NativeMethods.elfs_jit_to_device(handle, (int)device.Type, device.Index), "to");
        return this;
    }

    /// <summary>Converts the module's floating parameters to a type on a device (e.g. half on CUDA).</summary>
    public ScriptModule to(ScalarType dtype, Device device)
    {
        TorchException.Check(NativeMethods.elfs_jit_to(handle, (int)dtype, (int)device.Type, device.Index), "to");
        return this;
    }

    /// <summary>Runs <c>forward</c>; a tuple or list result yields its first tensor.</summary>
    public Tensor forward(params Tensor[] inputs)
    {
        var handles = torch.HandlesOf(inputs);
        fixed (nint* p = handles)
        {
            var result = NativeMethods.elfs_jit_forward(handle, p, handles.Length);
            GC.KeepAlive(inputs);
            return Tensor.Wrap(result, "TorchScript forward");
        }
    }

    /// <summary>Frees the native module.</summary>
    public void Dispose() => handle.Dispose();
}
