namespace Elfs.Engine;

/// <summary>Everything the engine knows about one input row.</summary>
/// <param name="Index">Row index in the input embeddings.</param>
/// <param name="PseudoLabel">Cluster id in [0, K).</param>
/// <param name="Confidence">Max probability of the clustering head (NaN for baselines without a head).</param>
/// <param name="Aum">Area under the margin on pseudo-labels, summed over proxy epochs (low = hard); NaN when not computed.</param>
/// <param name="Forgetting">Forgetting events during proxy training.</param>
/// <param name="El2n">EL2N summed over the first proxy epochs; NaN when not computed.</param>
/// <param name="Selected">Whether the item is in the budget.</param>
/// <param name="Rank">1-based labeling order among selected items; null when not selected.</param>
public sealed record ItemScore(int Index, int PseudoLabel, float Confidence, float Aum, int Forgetting, float El2n, bool Selected, int? Rank);
