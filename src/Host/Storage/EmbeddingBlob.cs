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
        DecodeInto(blob, precision, vector);
        return vector;
    }

    /// <summary>Decodes into <paramref name="destination"/>; false (nothing written) when the BLOB does not hold exactly its length.</summary>
    public static bool TryDecodeInto(ReadOnlySpan<byte> blob, EmbeddingPrecision precision, Span<float> destination)
    {
        if (destination.IsEmpty || blob.Length != destination.Length * ElementSize(precision)) return false;
        DecodeInto(blob, precision, destination);
        return true;
    }

    private static void DecodeInto(ReadOnlySpan<byte> blob, EmbeddingPrecision precision, Span<float> destination)
    {
        if (precision == EmbeddingPrecision.Float32) MemoryMarshal.Cast<byte, float>(blob).CopyTo(destination);
        else TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<byte, Half>(blob), destination);
    }
}
