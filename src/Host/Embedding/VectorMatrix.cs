namespace Elfs.Host.Embedding;

/// <summary>Row-major float32 vectors, one row per item.</summary>
/// <param name="Data">Rows × Dimension values.</param>
/// <param name="Rows">Number of rows.</param>
/// <param name="Dimension">Values per row.</param>
public sealed record VectorMatrix(float[] Data, int Rows, int Dimension);
