using System.Runtime.InteropServices;

namespace Elfs.Engine.Runtime;

/// <summary>Copies between .NET memory and tensors: the engine's only way in and out of TorchSharp.</summary>
internal static class TensorData
{
    /// <summary>A new CPU tensor of <paramref name="shape"/> holding a copy of <paramref name="data"/>.</summary>
    public static Tensor FromSpan<T>(ReadOnlySpan<T> data, long[] shape) where T : unmanaged
    {
        long count = 1;
        foreach (var d in shape) count *= d;
        if (count != data.Length)
            throw new ArgumentException($"{data.Length} values do not fill shape [{string.Join(", ", shape)}] ({count} elements)", nameof(data));
        var result = torch.empty(shape, DtypeOf<T>());
        var bytes = MemoryMarshal.AsBytes(data);
        result.bytes = MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(bytes), bytes.Length);
        return result;
    }

    /// <summary>The elements of <paramref name="tensor"/> (any device, any layout) in row-major order.</summary>
    public static T[] ToArray<T>(this Tensor tensor) where T : unmanaged
    {
        var values = new T[tensor.numel()];
        tensor.CopyTo<T>(values);
        return values;
    }

    /// <summary>Copies the elements of <paramref name="tensor"/> in row-major order into <paramref name="destination"/>.</summary>
    public static void CopyTo<T>(this Tensor tensor, Span<T> destination) where T : unmanaged
    {
        if (tensor.dtype != DtypeOf<T>())
            throw new ArgumentException($"tensor holds {tensor.dtype}, not {typeof(T).Name}", nameof(tensor));
        if (destination.Length != tensor.numel())
            throw new ArgumentException($"destination holds {destination.Length} elements, the tensor {tensor.numel()}", nameof(destination));
        using var cpu = tensor.device_type == DeviceType.CPU ? tensor.alias() : tensor.cpu();
        using var dense = cpu.contiguous();
        MemoryMarshal.Cast<byte, T>(dense.bytes).CopyTo(destination);
    }

    /// <summary>The torch dtype of a .NET element type.</summary>
    public static ScalarType DtypeOf<T>() where T : unmanaged => default(T) switch
    {
        float => ScalarType.Float32,
        double => ScalarType.Float64,
        long => ScalarType.Int64,
        int => ScalarType.Int32,
        short => ScalarType.Int16,
        byte => ScalarType.Byte,
        bool => ScalarType.Bool,
        Half => ScalarType.Float16,
        _ => throw new NotSupportedException($"{typeof(T).Name} has no tensor dtype here"),
    };
}
