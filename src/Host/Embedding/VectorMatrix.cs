namespace Elfs.Host.Embedding;

/// <summary>Row-major float32 vectors, one row per item.</summary>
/// <param name="Data">Rows × Dimension values.</param>
/// <param name="Rows">Number of rows.</param>
/// <param name="Dimension">Values per row.</param>
public sealed record VectorMatrix(float[] Data, int Rows, int Dimension)
{
    /// <summary>Rows of equal length <paramref name="dimension"/>, stacked in order.</summary>
    public static VectorMatrix From(IReadOnlyList<float[]> rows, int dimension)
    {
        var data = new float[rows.Count * dimension];
        for (var i = 0; i < rows.Count; i++) rows[i].CopyTo(data, i * dimension);
        return new VectorMatrix(data, rows.Count, dimension);
    }

    /// <summary>This matrix's rows followed by <paramref name="other"/>'s (same dimension).</summary>
    public VectorMatrix Append(VectorMatrix other)
    {
        if (other.Rows == 0) return this;
        if (other.Dimension != Dimension) throw new ArgumentException($"cannot append {other.Dimension}-d rows to {Dimension}-d rows", nameof(other));
        return new VectorMatrix([.. Data, .. other.Data], Rows + other.Rows, Dimension);
    }
}
