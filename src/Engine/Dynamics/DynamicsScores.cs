namespace Elfs.Engine.Dynamics;

/// <summary>Per-item training-dynamics scores on pseudo-labels (elfs-spec §4.3).</summary>
/// <param name="Aum">Σ over epochs of p[label] − max other p (low = hard).</param>
/// <param name="Forgetting">Epochs where the item went from correct to incorrect.</param>
/// <param name="El2n">Σ over the first epochs of ‖p − onehot(label)‖₂ (high = hard).</param>
/// <param name="Correctness">Epochs where the item was classified as its pseudo-label.</param>
public sealed record DynamicsScores(float[] Aum, int[] Forgetting, float[] El2n, int[] Correctness);
