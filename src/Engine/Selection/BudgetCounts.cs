namespace Elfs.Engine.Selection;

/// <summary>
/// Turns β and the budget into item counts with round-half-up in decimal arithmetic (so 0.29·100 is 29, not 28), and
/// enforces β + budget ≤ N (elfs-spec §5.1, §9.2, §9.15).
/// </summary>
public static class BudgetCounts
{
    /// <summary>Returns (hard-pruned count, budget count) for <paramref name="rows"/> items.</summary>
    /// <exception cref="ArgumentException">Names the option (Beta, Fraction, Count) and the allowed range.</exception>
    public static (int Hard, int Budget) Resolve(int rows, double beta, double? fraction, int? count)
    {
        if (double.IsNaN(beta) || beta < 0 || beta >= 1)
            throw new ArgumentException($"Beta {beta} is outside [0, 1)", "Beta");
        if (fraction is null == count is null)
            throw new ArgumentException("exactly one of Fraction and Count must be given", fraction is null ? "Fraction" : "Count");
        var hard = RoundHalfUp(beta, rows);
        if (fraction is { } f)
        {
            if (double.IsNaN(f) || f <= 0 || (decimal)f + (decimal)beta > 1m)
                throw new ArgumentException($"Fraction {f} is outside (0, 1 - Beta] = (0, {1m - (decimal)beta}]", "Fraction");
            var budget = RoundHalfUp(f, rows);
            if (budget < 1)
                throw new ArgumentException($"Fraction {f} of {rows} items rounds to 0 items; raise it or give Count", "Fraction");
            return (hard, Math.Min(budget, rows - hard));
        }
        var c = count!.Value;
        if (c < 1 || c > rows - hard)
            throw new ArgumentException($"Count {c} is outside [1, {rows - hard}] (N = {rows} minus round(Beta·N) = {hard} hard-pruned)", "Count");
        return (hard, c);
    }

    /// <summary>
    /// The budget that fits: <paramref name="requested"/> items, lowered to what the candidates allow after the
    /// round(β·candidates) hardest are left out. The one place the host and the report take the counts from.
    /// </summary>
    /// <param name="candidates">Unlabeled items that can be selected.</param>
    /// <param name="beta">Share of the candidates hard-pruned, in [0, 1).</param>
    /// <param name="requested">Items asked for (≥ 1).</param>
    /// <exception cref="ArgumentException">β is outside [0, 1) or <paramref name="requested"/> is below 1.</exception>
    public static BudgetPlan Clamp(int candidates, double beta, int requested)
    {
        if (double.IsNaN(beta) || beta < 0 || beta >= 1)
            throw new ArgumentException($"Beta {beta} is outside [0, 1)", "Beta");
        if (requested < 1) throw new ArgumentException($"Count {requested} must be at least 1", "Count");
        var hard = RoundHalfUp(beta, candidates);
        return new BudgetPlan(candidates, hard, Math.Min(requested, candidates - hard), requested);
    }

    /// <summary>round-half-up(ratio · n) computed in decimal.</summary>
    public static int RoundHalfUp(double ratio, int n) =>
        (int)decimal.Round((decimal)ratio * n, 0, MidpointRounding.AwayFromZero);
}
