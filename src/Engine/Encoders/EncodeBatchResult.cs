namespace Elfs.Engine.Encoders;

/// <summary>The vectors of one encoded batch.</summary>
/// <param name="Vectors">n x Dimension, row-major; rows of failed items are zero.</param>
/// <param name="Errors">Per item: null when it was encoded, else the reason it was not.</param>
public sealed record EncodeBatchResult(float[] Vectors, IReadOnlyList<string?> Errors);
