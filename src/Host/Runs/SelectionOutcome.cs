using Elfs.Engine;
using Elfs.Engine.Selection;

namespace Elfs.Host.Runs;

/// <summary>What the select stage returns to the run.</summary>
/// <param name="Rows">One score per input row (the engine's own record; <see cref="ItemScore.Index"/> is the row), stored as <see cref="Storage.StoredScore"/>.</param>
/// <param name="Timings">Wall time per engine stage.</param>
/// <param name="Device">The device the engine ran on.</param>
/// <param name="Budget">The engine's counts (candidates, hard-pruned, budget, whether it was lowered to fit).</param>
/// <param name="Strategy">How the budget was spent (strategy, β, reason).</param>
/// <param name="Clustering">Which clustering gave the pseudo-labels and why; null when only k-means ran.</param>
public sealed record SelectionOutcome(IReadOnlyList<ItemScore> Rows, IReadOnlyDictionary<string, TimeSpan> Timings, string Device,
    BudgetPlan? Budget = null, StrategyChoice? Strategy = null, string? Clustering = null);
