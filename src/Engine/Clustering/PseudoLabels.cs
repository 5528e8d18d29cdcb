namespace Elfs.Engine.Clustering;

/// <summary>Pseudo-labels from the final teacher's best head.</summary>
/// <param name="Labels">Cluster id per item (argmax of the best head's logits).</param>
/// <param name="Confidence">The best head's max softmax probability per item (at the teacher temperature).</param>
/// <param name="BestHead">Index of the head with the lowest loss in the last epoch.</param>
/// <param name="HeadLosses">Each head's mean loss over the last epoch.</param>
public sealed record PseudoLabels(int[] Labels, float[] Confidence, int BestHead, float[] HeadLosses);
