namespace Elfs.Engine.Clustering;

/// <summary>Label-free quality figures of one partition into K groups.</summary>
/// <param name="NonEmpty">Number of groups with at least one item.</param>
/// <param name="SizeEntropy">Entropy of the group sizes divided by ln K, in [0, 1] (1 = equal sizes, 0 = one group).</param>
/// <param name="LargestShare">Share of the items in the largest group.</param>
/// <param name="Modularity">
/// kNN-graph modularity: the share of kNN edges (first <see cref="ClusterCheck.Neighbours"/> per item) inside a group minus
/// the share expected by chance for these group sizes (Σ share²); higher is better, and a collapsed partition scores low.
/// </param>
public sealed record PartitionQuality(int NonEmpty, double SizeEntropy, double LargestShare, double Modularity);
