namespace Elfs.Engine.Selection;

/// <summary>What <see cref="SelectionReasons.Write"/> explains, one entry per item where a list is given.</summary>
/// <param name="Labels">Pseudo-label per item.</param>
/// <param name="Aum">AUM per item (NaN when the method computes none).</param>
/// <param name="Selected">Whether the item is in the budget.</param>
/// <param name="Method">The selection method.</param>
/// <param name="Beta">The hard-prune ratio used (the chosen one when β was searched).</param>
/// <param name="HardPruned">Per item: left out as one of the hardest; null when nothing was hard-pruned.</param>
/// <param name="DuplicateOf">Per item: the item it duplicates when dropped as a near-duplicate; null when not checked.</param>
/// <param name="DroppedInFavour">Per item: near-duplicates dropped in its favour; null when not checked.</param>
/// <param name="Labeled">Per item: already labeled; null when none are.</param>
/// <param name="Strategy">The budget-aware strategy used (method <see cref="SelectionMethod.Auto"/>); null for a fixed method.</param>
/// <param name="Typical">Per item: chosen as the most typical item of a sub-cluster; null when no item was.</param>
public sealed record ReasonFacts(IReadOnlyList<int> Labels, IReadOnlyList<float> Aum, IReadOnlyList<bool> Selected, SelectionMethod Method,
    double Beta, IReadOnlyList<bool>? HardPruned = null, IReadOnlyList<int?>? DuplicateOf = null, IReadOnlyList<int>? DroppedInFavour = null,
    IReadOnlyList<bool>? Labeled = null, StrategyChoice? Strategy = null, IReadOnlyList<bool>? Typical = null);
