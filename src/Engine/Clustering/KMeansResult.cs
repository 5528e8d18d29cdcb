namespace Elfs.Engine.Clustering;

/// <summary>k-means assignments.</summary>
/// <param name="Labels">Nearest centroid per item.</param>
/// <param name="Distances">Euclidean distance to that centroid.</param>
public sealed record KMeansResult(int[] Labels, float[] Distances);
