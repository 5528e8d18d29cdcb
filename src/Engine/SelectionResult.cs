namespace Elfs.Engine;

/// <summary>The result of a selection run.</summary>
/// <param name="Items">One score per input row, in input order.</param>
/// <param name="StageTimings">Wall time per stage (knn, temi, pseudo_labels, dynamics, selection, queue, kmeans).</param>
/// <param name="DeviceUsed">The device the tensors ran on, e.g. <c>cpu</c> or <c>cuda:0</c>.</param>
/// <param name="BetaSearch">The label-free β search, when <see cref="SelectionOptions.BetaAuto"/> was set.</param>
public sealed record SelectionResult(IReadOnlyList<ItemScore> Items, IReadOnlyDictionary<string, TimeSpan> StageTimings, string DeviceUsed,
    Selection.BetaSearchResult? BetaSearch = null)
{
    /// <summary>Number of candidates dropped as near-duplicates of selected or already-labeled items.</summary>
    public int DuplicatesDropped => Items.Count(i => i.DuplicateOf is not null);

    /// <summary>The counts used: candidates, hard-pruned, budget and whether it was lowered to fit.</summary>
    public Selection.BudgetPlan? Budget { get; init; }

    /// <summary>How the budget was spent (strategy, β and the reason), as the report shows it.</summary>
    public Selection.StrategyChoice? Strategy { get; init; }

    /// <summary>Which clustering gave the pseudo-labels (TEMI or k-means) and why; null when only k-means ran.</summary>
    public Clustering.ClusterCheckResult? Clustering { get; init; }
}
