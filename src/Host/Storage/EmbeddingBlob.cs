using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Elfs.Host.Storage;

/// <summary>Converts vectors to and from the little-endian BLOBs of the embeddings table.</summary>
internal static class EmbeddingBlob
{
    public static int ElementSize(EmbeddingPrecision precision) => precision == EmbeddingPrecision.Float16 ? 2 : 4;

    public static byte[] Encode(ReadOnlySpan<float> vector, EmbeddingPrecision precision)
    {
        if (precision == EmbeddingPrecision.Float32) return MemoryMarshal.AsBytes(vector).ToArray();
        var half = new Half[vector.Length];
        TensorPrimitives.ConvertToHalf(vector, half);
        return MemoryMarshal.AsBytes(half.AsSpan()).ToArray();
    }

    /// <summary>The vector, or null when the BLOB's length does not match <paramref name="dim"/> elements.</summary>
    public static float[]? Decode(ReadOnlySpan<byte> blob, long dim, EmbeddingPrecision precision)
    {
        if (dim <= 0 || blob.Length != dim * ElementSize(precision)) return null;
        var vector = new float[dim];
        if (precision == EmbeddingPrecision.Float32) MemoryMarshal.Cast<byte, float>(blob).CopyTo(vector);
        else TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<byte, Half>(blob), vector);
        return vector;
    }
}
