namespace Elfs.Engine.Clustering;

/// <summary>The label-free check of the TEMI pseudo-labels against plain k-means on the same vectors (<see cref="ClusterCheck"/>).</summary>
/// <param name="Used"><c>temi</c> or <c>kmeans</c>: whose labels the selection uses.</param>
/// <param name="Reason">One readable sentence: why.</param>
/// <param name="Temi">TEMI's partition.</param>
/// <param name="KMeans">k-means' partition.</param>
public sealed record ClusterCheckResult(string Used, string Reason, PartitionQuality Temi, PartitionQuality KMeans);
