using Elfs.Engine.Clustering;

namespace Elfs.Engine;

/// <summary>
/// Everything a selection needs that does not depend on the budget: pseudo-labels (after the clustering check), training
/// dynamics and the kNN graph. Computed once by <see cref="ElfsSelector.Score(ReadOnlyMemory{float}, int, int, SelectionOptions, ElfsProfile, IProgress{StageProgress}?, CancellationToken)"/>
/// and reused for any number of budgets by <see cref="ElfsSelector.Select(SelectionScores, SelectionOptions, IProgress{StageProgress}?, CancellationToken)"/>.
/// </summary>
/// <param name="Embeddings">The input rows × dim float32 (row-major), kept for budget-dependent clustering and the β search.</param>
/// <param name="Rows">Number of items N.</param>
/// <param name="Dim">Embedding dimension.</param>
/// <param name="Labels">Pseudo-label per item in [0, K): TEMI's, or k-means' when the check rejected TEMI.</param>
/// <param name="Confidence">TEMI's best-head max probability per item (NaN when TEMI was not run).</param>
/// <param name="Aum">AUM on the pseudo-labels, summed over proxy epochs (low = hard); NaN when dynamics were not run.</param>
/// <param name="Forgetting">Forgetting events per item.</param>
/// <param name="El2n">EL2N summed over the first proxy epochs; NaN when not computed.</param>
/// <param name="Distance">Distance to the k-means centroid per item (prototypicality baseline); null otherwise.</param>
/// <param name="Knn">The cosine kNN graph; null for the k-means-only baselines.</param>
/// <param name="Clustering">Which clustering produced <paramref name="Labels"/> and why; null when only k-means ran.</param>
/// <param name="Profile">The hyperparameters used.</param>
/// <param name="StageTimings">Wall time per scoring stage.</param>
/// <param name="DeviceUsed">The device the tensors ran on.</param>
public sealed record SelectionScores(ReadOnlyMemory<float> Embeddings, int Rows, int Dim, int[] Labels, float[] Confidence, float[] Aum,
    int[] Forgetting, float[] El2n, float[]? Distance, KnnGraph? Knn, ClusterCheckResult? Clustering, ElfsProfile Profile,
    IReadOnlyDictionary<string, TimeSpan> StageTimings, string DeviceUsed);
