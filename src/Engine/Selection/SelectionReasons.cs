using System.Globalization;

namespace Elfs.Engine.Selection;

/// <summary>
/// Writes the short "why this item" text a labeler or admin reads: the pseudo-class and its share of all items, the
/// item's difficulty percentile inside its pseudo-class (share of the class with a higher AUM, i.e. easier), the band
/// rule that put it there, and the near-duplicates dropped in its favour. Items left out get the reason they were.
/// </summary>
public static class SelectionReasons
{
    /// <summary>One reason per item (null only for unselected items with nothing notable).</summary>
    /// <param name="facts">Everything the reasons are made from.</param>
    public static string?[] Write(ReasonFacts facts)
    {
        var rows = facts.Labels.Count;
        var classSize = facts.Labels.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var harderThan = HarderThanPercent(facts.Labels, facts.Aum);
        var reasons = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            if (facts.Labeled?[i] == true) reasons[i] = "already labeled";
            else if (facts.DuplicateOf?[i] is { } original)
                reasons[i] = Text($"near-duplicate of item {original}: dropped so the budget goes to a distinct item");
            else if (facts.Selected[i]) reasons[i] = SelectedReason(facts, i, classSize[facts.Labels[i]], rows, harderThan[i]);
            else if (facts.HardPruned?[i] == true)
                reasons[i] = facts.Method == SelectionMethod.Auto
                    ? Text($"among the hardest {Percent(facts.Beta)}% of its pseudo-class by AUM: left out as likely ambiguous")
                    : Text($"among the hardest {Percent(facts.Beta)}% by AUM on its pseudo-label: left out as likely ambiguous");
        }
        return reasons;
    }

    /// <summary>Per item: floor(100 × members of its pseudo-class with a strictly higher AUM / class size); −1 when AUM is NaN.</summary>
    public static int[] HarderThanPercent(IReadOnlyList<int> labels, IReadOnlyList<float> aum)
    {
        var result = new int[labels.Count];
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]))
        {
            var members = group.ToArray();
            var sorted = members.Select(i => aum[i]).Where(float.IsFinite).Order().ToArray();
            foreach (var i in members)
            {
                if (!float.IsFinite(aum[i])) { result[i] = -1; continue; }
                var greater = sorted.Length - UpperBound(sorted, aum[i]);
                result[i] = (int)Math.Floor(100.0 * greater / members.Length);
            }
        }
        return result;
    }

    private static string SelectedReason(ReasonFacts facts, int i, int size, int rows, int harderThan)
    {
        var parts = new List<string> { Text($"pseudo-class {facts.Labels[i]} ({Percent((double)size / rows)}% of items)") };
        if (harderThan >= 0) parts.Add(Text($"harder than {harderThan}% of its pseudo-class"));
        parts.Add(facts.Method switch
        {
            SelectionMethod.Auto when facts.Strategy is { Name: "typical-per-group" } =>
                "the most typical item of its region of the pseudo-class (small budget: typical items first)",
            SelectionMethod.Auto when facts.Typical?[i] == true =>
                "the most typical item of its region of the pseudo-class (it opens the pseudo-class's queue: what a small budget would label first)",
            SelectionMethod.Auto when facts.Strategy is { } s && s.Beta > 0 =>
                Text($"sampled across difficulty within its pseudo-class; the hardest {Percent(s.Beta)}% of each pseudo-class were left out as likely ambiguous"),
            SelectionMethod.Auto => "sampled across difficulty within its pseudo-class",
            SelectionMethod.Elfs or SelectionMethod.Ccs when facts.Beta > 0 =>
                Text($"hardest {Percent(facts.Beta)}% were left out as likely ambiguous"),
            SelectionMethod.Elfs or SelectionMethod.Ccs => "no hard items were left out (beta 0)",
            SelectionMethod.Random => "uniform random sample",
            _ => "far from its cluster centre (least prototypical first)",
        });
        if (facts.DroppedInFavour?[i] is > 0 and var dropped)
            parts.Add(dropped == 1 ? "1 near-duplicate was dropped in its favour" : Text($"{dropped} near-duplicates were dropped in its favour"));
        return string.Join("; ", parts);
    }

    private static int UpperBound(float[] sorted, float value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>A ratio as a percent with at most one decimal, e.g. 0.1 → "10", 0.125 → "12.5".</summary>
    public static string Percent(double ratio) => Math.Round(100 * ratio, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
