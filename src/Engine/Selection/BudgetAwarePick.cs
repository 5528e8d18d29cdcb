namespace Elfs.Engine.Selection;

/// <summary>The outcome of <see cref="BudgetAwareSelection.Select"/>.</summary>
/// <param name="Priority">The chosen items in labeling order, then the other non-pruned items as replacements (for the near-duplicate check).</param>
/// <param name="Chosen">How many leading entries of <paramref name="Priority"/> are the selection.</param>
/// <param name="HardPruned">Items left out as the hardest of their pseudo-class.</param>
/// <param name="Typical">Chosen items taken as the most typical of a sub-cluster (all picks of the typical strategy, the
/// typical core of the stratified one).</param>
public sealed record BudgetAwarePick(int[] Priority, int Chosen, int[] HardPruned, int[] Typical);
