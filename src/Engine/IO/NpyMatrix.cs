namespace Elfs.Engine.IO;

/// <summary>A row-major float32 matrix read from a <c>.npy</c> or <c>.csv</c> file.</summary>
/// <param name="Data">rows x cols values, row-major.</param>
/// <param name="Rows">Number of rows (items).</param>
/// <param name="Cols">Number of columns (embedding dimension).</param>
public sealed record NpyMatrix(float[] Data, int Rows, int Cols);
