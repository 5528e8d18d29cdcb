using System.Globalization;
using Elfs.Engine.Tests.Elfs;

namespace Elfs.Engine.Tests.Beyond;

/// <summary>The pipeline with near-duplicates, already-labeled items, reasons and β auto, on a tiny mixture.</summary>
public sealed class SelectorExtensionsTests
{
    private static (float[] Data, int Rows, int Dim, (int Original, int Copy)[] Pairs) MixtureWithCopies()
    {
        var m = GaussianMixture.Create(clusters: 3, dim: 8, perCluster: 60, ambiguous: 0);
        const int copies = 12;
        var rows = m.Rows + copies;
        var data = new float[rows * m.Dim];
        Array.Copy(m.Data, data, m.Data.Length);
        var pairs = new (int, int)[copies];
        for (var c = 0; c < copies; c++)
        {
            var original = c * 13 % m.Rows;
            Array.Copy(m.Data, original * m.Dim, data, (m.Rows + c) * m.Dim, m.Dim);
            if (c % 2 == 1) data[(m.Rows + c) * m.Dim] += 1e-3f; // a near copy, not an exact one
            pairs[c] = (original, m.Rows + c);
        }
        return (data, rows, m.Dim, pairs);
    }

    private static string Percent(double ratio) => Math.Round(100 * ratio, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);

    [Fact]
    public void DuplicatesAreDroppedBudgetIsExactAndEveryReasonMatchesTheNumbers()
    {
        var (data, rows, dim, pairs) = MixtureWithCopies();
        var options = new SelectionOptions { Clusters = 3, Fraction = 0.5, Beta = 0.1, Seed = 4, Device = "cpu", DuplicateThreshold = 0.999, Method = SelectionMethod.Elfs };
        var result = ElfsSelector.Select(data, rows, dim, options, TestProfiles.Tiny);
        var items = result.Items;
        var selected = items.Where(i => i.Selected).ToList();

        Assert.Equal((int)Math.Round(0.5 * rows, MidpointRounding.AwayFromZero), selected.Count);
        Assert.All(pairs, p => Assert.False(items[p.Original].Selected && items[p.Copy].Selected, $"both {p} selected"));
        Assert.True(result.DuplicatesDropped > 0, "no planted copy reached the band");
        Assert.Equal(result.DuplicatesDropped, items.Count(i => i.Reason?.StartsWith("near-duplicate of item ", StringComparison.Ordinal) == true));

        var hard = (int)Math.Round(0.1 * rows, MidpointRounding.AwayFromZero);
        var hardPruned = items.Where(i => i.Reason?.StartsWith("among the hardest 10% by AUM", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(hard, hardPruned.Count);
        Assert.True(hardPruned.Max(i => i.Aum) <= selected.Min(i => i.Aum));

        foreach (var item in selected)
        {
            var cls = items.Where(i => i.PseudoLabel == item.PseudoLabel).ToList();
            var harderThan = (int)Math.Floor(100.0 * cls.Count(o => o.Aum > item.Aum) / cls.Count);
            var expected = $"pseudo-class {item.PseudoLabel} ({Percent((double)cls.Count / rows)}% of items); harder than {harderThan}% of its pseudo-class; hardest 10% were left out as likely ambiguous";
            var favoured = items.Count(i => i.DuplicateOf == item.Index);
            if (favoured == 1) expected += "; 1 near-duplicate was dropped in its favour";
            if (favoured > 1) expected += $"; {favoured} near-duplicates were dropped in its favour";
            Assert.Equal(expected, item.Reason);
        }
        foreach (var dropped in items.Where(i => i.DuplicateOf is not null))
        {
            Assert.False(dropped.Selected);
            Assert.True(items[dropped.DuplicateOf!.Value].Selected);
            Assert.Equal($"near-duplicate of item {dropped.DuplicateOf}: dropped so the budget goes to a distinct item", dropped.Reason);
        }
    }

    [Fact]
    public void AlreadyLabeledItemsAreNeitherSelectedNorDuplicated()
    {
        var (data, rows, dim, pairs) = MixtureWithCopies();
        var labeled = new bool[rows];
        foreach (var (original, _) in pairs) labeled[original] = true;
        var options = new SelectionOptions { Clusters = 3, Count = 60, Beta = 0.1, Seed = 4, Device = "cpu", DuplicateThreshold = 0.999, AlreadyLabeled = labeled, Method = SelectionMethod.Elfs };
        var result = ElfsSelector.Select(data, rows, dim, options, TestProfiles.Tiny);

        Assert.Equal(60, result.Items.Count(i => i.Selected));
        Assert.All(pairs, p =>
        {
            Assert.False(result.Items[p.Original].Selected);
            Assert.False(result.Items[p.Copy].Selected);
            Assert.Equal("already labeled", result.Items[p.Original].Reason);
        });
    }

    [Fact]
    public void BetaAutoChoosesACandidateAndPrunesExactlyThatShare()
    {
        var m = GaussianMixture.Create(clusters: 3, dim: 8, perCluster: 60, ambiguous: 30);
        var options = new SelectionOptions { Clusters = 3, Fraction = 0.4, Beta = 0.9, BetaAuto = true, Seed = 2, Device = "cpu", Method = SelectionMethod.Elfs };
        var result = ElfsSelector.Select(m.Data, m.Rows, m.Dim, options, TestProfiles.Tiny);

        var search = Assert.IsType<Selection.BetaSearchResult>(result.BetaSearch);
        Assert.Equal(Selection.BetaSearch.Candidates(0.4), search.Candidates);
        Assert.Contains(search.Beta, search.Candidates);
        Assert.Equal(search.Accuracies.Max(), search.Accuracies[search.Candidates.ToList().IndexOf(search.Beta)]);
        Assert.Equal((int)Math.Round(0.4 * m.Rows, MidpointRounding.AwayFromZero), result.Items.Count(i => i.Selected));
        var hard = (int)Math.Round(search.Beta * m.Rows, MidpointRounding.AwayFromZero);
        Assert.Equal(hard, result.Items.Count(i => i.Reason?.StartsWith("among the hardest", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void CcsAndRandomSelectionsAlsoCarryReasons()
    {
        var m = GaussianMixture.Create(clusters: 3, dim: 8, perCluster: 40, ambiguous: 0);
        foreach (var method in new[] { SelectionMethod.Ccs, SelectionMethod.Random })
        {
            var options = new SelectionOptions { Clusters = 3, Fraction = 0.3, Beta = 0.2, Seed = 4, Device = "cpu", Method = method };
            var result = ElfsSelector.Select(m.Data, m.Rows, m.Dim, options, TestProfiles.Tiny);
            var selected = result.Items.Where(i => i.Selected).ToList();
            Assert.All(selected, i => Assert.StartsWith($"pseudo-class {i.PseudoLabel} (", i.Reason));
            if (method == SelectionMethod.Ccs)
            {
                Assert.All(selected, i => Assert.Contains("hardest 20% were left out as likely ambiguous", i.Reason));
                Assert.Equal(24, result.Items.Count(i => i.Reason?.StartsWith("among the hardest 20%", StringComparison.Ordinal) == true));
            }
            else Assert.All(selected, i => Assert.EndsWith("; uniform random sample", i.Reason));
        }
    }

    [Theory]
    [InlineData(0.0, "DuplicateThreshold")]
    [InlineData(1.01, "DuplicateThreshold")]
    public void BadExtendedOptionsAreRejectedByName(double threshold, string name)
    {
        var m = GaussianMixture.Create(clusters: 2, dim: 4, perCluster: 10, ambiguous: 0);
        var options = new SelectionOptions { Clusters = 2, Fraction = 0.2, Device = "cpu", DuplicateThreshold = threshold, Method = SelectionMethod.Elfs };
        var e = Assert.Throws<ArgumentException>(() => ElfsSelector.Select(m.Data, m.Rows, m.Dim, options, TestProfiles.Tiny));
        Assert.Equal(name, e.ParamName);
        var labeledWrong = options with { DuplicateThreshold = 0.99, AlreadyLabeled = new bool[3] };
        Assert.Equal("AlreadyLabeled", Assert.Throws<ArgumentException>(() => ElfsSelector.Select(m.Data, m.Rows, m.Dim, labeledWrong, TestProfiles.Tiny)).ParamName);
        var autoRandom = options with { DuplicateThreshold = null, BetaAuto = true, Method = SelectionMethod.Random };
        Assert.Equal("BetaAuto", Assert.Throws<ArgumentException>(() => ElfsSelector.Select(m.Data, m.Rows, m.Dim, autoRandom, TestProfiles.Tiny)).ParamName);
    }
}
