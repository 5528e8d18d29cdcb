using System.Globalization;

namespace Elfs.Host.Cli;

/// <summary>The budgets of one <c>elfs select</c> call: <c>--fraction</c>, <c>--count</c>, or a <c>--budgets</c> list.</summary>
public static class SelectBudgets
{
    /// <summary>One budget: a fraction of N or a count, and the text it was given as.</summary>
    public sealed record Entry(string Text, double? Fraction, int? Count);

    /// <summary>Parses the budgets; exactly one of the three forms must be given.</summary>
    /// <exception cref="ArgumentException">Names --budgets, --fraction or --count and what is allowed.</exception>
    public static IReadOnlyList<Entry> Parse(string? budgets, double? fraction, int? count)
    {
        var c = CultureInfo.InvariantCulture;
        if (budgets is null)
            return [new Entry(fraction?.ToString(c) ?? count?.ToString(c) ?? "", fraction, count)];
        if (fraction is not null || count is not null)
            throw new ArgumentException("give either --budgets or --fraction/--count, not both", "Budgets");
        var entries = new List<Entry>();
        foreach (var raw in budgets.Split(',', StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(raw, NumberStyles.None, c, out var n) && n >= 1)
                entries.Add(new Entry(raw, null, n));
            else if (double.TryParse(raw, NumberStyles.AllowDecimalPoint, c, out var f) && f > 0 && f < 1)
                entries.Add(new Entry(raw, f, null));
            else
                throw new ArgumentException($"'{raw}' is neither a fraction in (0, 1) nor a count of at least 1 (e.g. --budgets 0.01,0.05,500)", "Budgets");
        }
        if (entries.Select(e => e.Text).Distinct().Count() != entries.Count)
            throw new ArgumentException($"'{budgets}' names a budget twice", "Budgets");
        return entries;
    }

    /// <summary>The output file of one budget: <c>OUT.csv</c> becomes <c>OUT.BUDGET.csv</c>.</summary>
    public static string OutputPath(string output, string budget)
    {
        var extension = Path.GetExtension(output);
        return Path.Combine(Path.GetDirectoryName(output) ?? "", $"{Path.GetFileNameWithoutExtension(output)}.{budget}{extension}");
    }
}
