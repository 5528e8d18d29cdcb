using System.Globalization;

namespace Elfs.Engine.Selection;

/// <summary>The counts of one selection: candidates, hard-pruned, the budget used and the budget asked for.</summary>
/// <param name="Candidates">Unlabeled items that could be selected (labeled rows are never counted).</param>
/// <param name="Hard">Candidates left out as the hardest before the budget is taken (round(β·candidates), half up).</param>
/// <param name="Budget">Items selected (at most <paramref name="Candidates"/> − <paramref name="Hard"/>).</param>
/// <param name="Requested">Items asked for.</param>
public sealed record BudgetPlan(int Candidates, int Hard, int Budget, int Requested)
{
    /// <summary>True when the budget asked for did not fit and was lowered.</summary>
    public bool Clamped => Budget < Requested;

    /// <summary>The warning to show when <see cref="Clamped"/>; null otherwise.</summary>
    public string? Warning => Clamped
        ? string.Create(CultureInfo.InvariantCulture,
            $"budget {Requested} is more than the {Candidates} unlabeled candidates allow after the {Hard} hardest are left out: {Budget} selected")
        : null;
}
