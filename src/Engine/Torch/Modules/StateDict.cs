using System.Text;

namespace Elfs.Engine.Torch.Modules;

/// <summary>
/// Reads and writes named tensors in a small self-describing binary file:
/// magic, count, then per tensor its name, dtype, shape and raw little-endian bytes.
/// </summary>
public static class StateDict
{
    private const string Magic = "ELFS-STATE-1";

    /// <summary>Writes the tensors (copied to the CPU) to <paramref name="path"/>.</summary>
    public static void Save(IReadOnlyDictionary<string, Tensor> state, string path)
    {
        using var writer = new BinaryWriter(File.Create(path), Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(state.Count);
        foreach (var (name, tensor) in state)
        {
            using var detached = tensor.detach();
            using var cpu = detached.cpu();
            using var bytes = cpu.contiguous();
            writer.Write(name);
            writer.Write((int)cpu.dtype);
            var shape = cpu.shape;
            writer.Write(shape.Length);
            foreach (var d in shape) writer.Write(d);
            var raw = RawBytes(bytes);
            writer.Write(raw.Length);
            writer.Write(raw);
        }
    }

    /// <summary>
    /// Copies the values in <paramref name="path"/> into the matching tensors of <paramref name="state"/>. The whole file
    /// is read and checked first, so a file that does not fit leaves every tensor as it was.
    /// </summary>
    public static void LoadInto(IReadOnlyDictionary<string, Tensor> state, string path)
    {
        var entries = Read(path);
        foreach (var (name, _, shape, _) in entries)
        {
            if (!state.TryGetValue(name, out var target))
                throw new InvalidDataException($"{path}: '{name}' is not a parameter or buffer of this module");
            if (!target.shape.SequenceEqual(shape))
                throw new InvalidDataException($"{path}: '{name}' has shape [{string.Join(", ", shape)}], the module expects [{string.Join(", ", target.shape)}]");
        }
        var missing = state.Keys.Except(entries.Select(e => e.Name)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{path} lacks: {string.Join(", ", missing)}");
        foreach (var (name, dtype, shape, raw) in entries)
        {
            using var loaded = FromBytes(raw, shape, dtype);
            using (torch.no_grad()) state[name].copy_(loaded);
        }
    }

    private static List<(string Name, ScalarType Dtype, long[] Shape, byte[] Raw)> Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        try
        {
            if (reader.ReadString() != Magic) throw new InvalidDataException($"{path} is not an Elfs state file");
            var count = reader.ReadInt32();
            var entries = new List<(string, ScalarType, long[], byte[])>();
            for (var i = 0; i < count; i++)
            {
                var name = reader.ReadString();
                var dtype = (ScalarType)reader.ReadInt32();
                var shape = new long[reader.ReadInt32()];
                for (var d = 0; d < shape.Length; d++) shape[d] = reader.ReadInt64();
                var length = reader.ReadInt32();
                var raw = reader.ReadBytes(length);
                if (raw.Length != length) throw new EndOfStreamException();
                entries.Add((name, dtype, shape, raw));
            }
            return entries;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or OverflowException or ArgumentException)
        {
            throw new InvalidDataException($"{path} is not an Elfs state file, or it is truncated ({e.Message})", e);
        }
    }

    private static byte[] RawBytes(Tensor contiguousCpu)
    {
        using var asBytes = contiguousCpu.dtype == ScalarType.Bool ? contiguousCpu.to(ScalarType.Byte) : contiguousCpu.alias();
        var elementSize = ElementSize(contiguousCpu.dtype);
        var raw = new byte[asBytes.numel() * elementSize];
        switch (asBytes.dtype)
        {
            case ScalarType.Float32: asBytes.CopyTo(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(raw.AsSpan())); break;
            case ScalarType.Float64: asBytes.CopyTo(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(raw.AsSpan())); break;
            case ScalarType.Int64: asBytes.CopyTo(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(raw.AsSpan())); break;
            case ScalarType.Int32: asBytes.CopyTo(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(raw.AsSpan())); break;
            case ScalarType.Float16: asBytes.CopyTo(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(raw.AsSpan())); break;
            case ScalarType.Byte: asBytes.CopyTo(raw.AsSpan()); break;
            default: throw new NotSupportedException($"state files do not store {asBytes.dtype} tensors");
        }
        return raw;
    }

    private static Tensor FromBytes(byte[] raw, long[] shape, ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(raw.AsSpan()), shape),
        ScalarType.Float64 => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(raw.AsSpan()), shape),
        ScalarType.Int64 => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(raw.AsSpan()), shape),
        ScalarType.Int32 => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(raw.AsSpan()), shape),
        ScalarType.Float16 => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(raw.AsSpan()), shape),
        ScalarType.Byte => torch.tensor((ReadOnlySpan<byte>)raw, shape),
        ScalarType.Bool => BoolFromBytes(raw, shape),
        _ => throw new InvalidDataException($"state file holds an unsupported dtype {dtype}"),
    };

    private static Tensor BoolFromBytes(byte[] raw, long[] shape)
    {
        using var bytes = torch.tensor((ReadOnlySpan<byte>)raw, shape);
        return bytes.to(ScalarType.Bool);
    }

    private static int ElementSize(ScalarType t) => t switch
    {
        ScalarType.Float64 or ScalarType.Int64 => 8,
        ScalarType.Float32 or ScalarType.Int32 => 4,
        ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Int16 => 2,
        _ => 1,
    };
}
