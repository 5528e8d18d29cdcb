namespace Elfs.Engine;

/// <summary>How the labeling budget is chosen.</summary>
public enum SelectionMethod
{
    /// <summary>
    /// The budget-aware default: the strategy is chosen from the budget ratio (typical items per pseudo-class at small
    /// budgets, CCS per pseudo-class at larger ones); see <see cref="Selection.BudgetAwareSelection"/>.
    /// </summary>
    Auto,

    /// <summary>ELFS double-end pruning on pseudo-label AUM: drop the β·N hardest, keep the next budget.</summary>
    Elfs,

    /// <summary>Coverage-centric selection: drop the β·N hardest, then stratified sampling over 50 AUM bins.</summary>
    Ccs,

    /// <summary>A seeded uniform sample (label-free baseline).</summary>
    Random,

    /// <summary>The items farthest from their k-means centroid (Sorscher et al.'s prototypicality, label-free baseline).</summary>
    Prototypicality,
}
