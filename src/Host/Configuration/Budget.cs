using System.Globalization;

namespace Elfs.Host.Configuration;

/// <summary>How many unlabeled items a run queues: a fixed count or a fraction of the unlabeled pool.</summary>
/// <param name="Count">The count, when the budget is a count.</param>
/// <param name="Fraction">The fraction in (0, 1], when the budget is a fraction.</param>
public readonly record struct Budget(int? Count, double? Fraction)
{
    /// <summary>
    /// Parses <c>500</c> (a count), <c>0.1</c> or <c>1.0</c> (a fraction: the value has a decimal point) or <c>10%</c>.
    /// On failure <paramref name="error"/> says what is allowed.
    /// </summary>
    public static bool TryParse(string? text, out Budget budget, out string error)
    {
        budget = default;
        error = "";
        var s = (text ?? "").Trim();
        var c = CultureInfo.InvariantCulture;
        if (s.EndsWith('%') && double.TryParse(s[..^1], NumberStyles.Float, c, out var percent) && percent > 0 && percent <= 100)
        {
            budget = new Budget(null, percent / 100);
            return true;
        }
        if (!s.Contains('.') && !s.Contains('e', StringComparison.OrdinalIgnoreCase) && int.TryParse(s, NumberStyles.Integer, c, out var count) && count >= 1)
        {
            budget = new Budget(count, null);
            return true;
        }
        if (s.Contains('.') && double.TryParse(s, NumberStyles.Float, c, out var fraction) && fraction > 0 && fraction <= 1)
        {
            budget = new Budget(null, fraction);
            return true;
        }
        error = $"{(s.Length == 0 ? "(empty)" : s)} is not a fraction in (0, 1] nor a count (a whole number >= 1, e.g. 500, or a fraction with a decimal point, e.g. 0.1, or a percentage, e.g. 10%)";
        return false;
    }

    /// <summary>
    /// The number of items asked for out of <paramref name="unlabeled"/> candidates: a count as given (the engine lowers it
    /// to what fits beside β and says so), a fraction rounded half up as the engine rounds (at least 1 when any exist).
    /// </summary>
    public int Resolve(int unlabeled) =>
        unlabeled <= 0 ? 0
        : Count is { } n ? n
        : Math.Clamp(Engine.Selection.BudgetCounts.RoundHalfUp(Fraction!.Value, unlabeled), 1, unlabeled);

    /// <inheritdoc />
    public override string ToString() =>
        Count is { } n ? n.ToString(CultureInfo.InvariantCulture) : Fraction!.Value.ToString("0.###", CultureInfo.InvariantCulture);
}
