using Elfs.Engine.Selection;

namespace Elfs.Engine.Tests.Elfs;

public sealed class SelectionFunctionTests
{
    [Theory]
    [InlineData(100, 0.1, 0.29, 10, 29)]      // 0.29·100 truncates to 28 in floating point; round-half-up gives 29
    [InlineData(10, 0.25, 0.35, 3, 4)]        // 2.5 → 3 and 3.5 → 4 (half up)
    [InlineData(10, 0.45, 0.55, 5, 5)]        // β + fraction = 1 exactly is allowed: 4.5 → 5 hard, 5.5 → 6 capped at 5
    [InlineData(1000, 0.0, 1.0, 0, 1000)]     // everything
    [InlineData(3, 0.0, 0.5, 0, 2)]           // 1.5 → 2
    public void CountsRoundHalfUpAndFitTheGuard(int rows, double beta, double fraction, int hard, int budget)
    {
        Assert.Equal((hard, budget), BudgetCounts.Resolve(rows, beta, fraction, null));
    }

    [Theory]
    [InlineData(0.1, 0.9000001)]
    [InlineData(0.4, 0.61)]
    [InlineData(0.0, 0.0)]
    [InlineData(0.0, -0.1)]
    [InlineData(0.0, 1.01)]
    public void RejectsFractionsOutsideTheGuard(double beta, double fraction)
    {
        var e = Assert.Throws<ArgumentException>(() => BudgetCounts.Resolve(100, beta, fraction, null));
        Assert.Equal("Fraction", e.ParamName);
    }

    [Fact]
    public void CountIsCheckedAgainstTheItemsLeftAfterHardPruning()
    {
        Assert.Equal((20, 80), BudgetCounts.Resolve(100, 0.2, null, 80));
        Assert.Equal("Count", Assert.Throws<ArgumentException>(() => BudgetCounts.Resolve(100, 0.2, null, 81)).ParamName);
        Assert.Equal("Count", Assert.Throws<ArgumentException>(() => BudgetCounts.Resolve(100, 0.2, null, 0)).ParamName);
        Assert.Throws<ArgumentException>(() => BudgetCounts.Resolve(100, 0.2, 0.1, 5));
        Assert.Throws<ArgumentException>(() => BudgetCounts.Resolve(100, 0.2, null, null));
        Assert.Equal("Beta", Assert.Throws<ArgumentException>(() => BudgetCounts.Resolve(100, 1.0, 0.1, null)).ParamName);
    }

    [Fact]
    public void DoubleEndPruningKeepsTheMiddleAndRunsToTheEndWhenBetaPlusBudgetIsAll()
    {
        float[] aum = [5, 1, 4, 2, 3, 2];   // ascending by (aum, index): 1, 3, 5, 4, 2, 0
        Assert.Equal([3, 5, 4], DoubleEndPruning.Select(aum, 1, 3));
        Assert.Equal([3, 5, 4, 2, 0], DoubleEndPruning.Select(aum, 1, 5));
        Assert.Equal([1, 3], DoubleEndPruning.Select(aum, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => DoubleEndPruning.Select(aum, 2, 5));
    }

    [Theory]
    [InlineData(new[] { 5, 0, 100, 3, 40 }, 60)]
    [InlineData(new[] { 1, 1, 1, 1 }, 4)]
    [InlineData(new[] { 10, 10, 10 }, 7)]
    [InlineData(new[] { 0, 0, 50 }, 50)]
    public void CcsAllocationSumsToTheBudgetAndRespectsStratumSizes(int[] sizes, int budget)
    {
        var allocation = StratifiedSampling.Allocate(sizes, budget);
        Assert.Equal(budget, allocation.Sum());
        for (var j = 0; j < sizes.Length; j++) Assert.InRange(allocation[j], 0, sizes[j]);
    }

    [Fact]
    public void CcsSelectsTheBudgetFromTheKeptItemsOnlyIncludingNegativeScores()
    {
        var random = new Random(1);
        var aum = Enumerable.Range(0, 1000).Select(_ => (float)(random.NextDouble() * -10)).ToArray();   // all ≤ 0: the reference's 1.0001·max quirk
        var selected = StratifiedSampling.Select(aum, 100, 300, 50, seed: 9);
        Assert.Equal(300, selected.Length);
        Assert.Equal(300, selected.Distinct().Count());
        var hardest = AumOrder.Ascending(aum).Take(100).ToHashSet();
        Assert.DoesNotContain(selected, hardest.Contains);
        Assert.Equal(selected, StratifiedSampling.Select(aum, 100, 300, 50, seed: 9));
        // Coverage: the highest-score item's stratum is represented, so the maximum is not lost.
        Assert.Contains(selected, i => aum[i] > aum.Max() - 0.5f);
    }

    [Fact]
    public void CcsWithConstantScoresStillFillsTheBudget()
    {
        var selected = StratifiedSampling.Select(new float[50], 5, 45, 50, seed: 1);
        Assert.Equal(45, selected.Distinct().Count());
    }

    [Fact]
    public void PrototypicalityKeepsTheFarthestItems()
    {
        Assert.Equal([2, 0, 3], PrototypicalitySelection.Select([3f, 1f, 5f, 3f, 0f], 3));
    }

    [Fact]
    public void QueueOrderInterleavesLabelsInProportion()
    {
        var labels = Enumerable.Range(0, 100).Select(i => i < 60 ? 0 : i < 90 ? 1 : 2).ToArray();
        var order = QueueOrder.Order(Enumerable.Range(0, 100).ToArray(), labels, seed: 4);
        Assert.Equal(Enumerable.Range(0, 100), order.Order());
        var first10 = order.Take(10).GroupBy(i => labels[i]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(6, first10[0]);
        Assert.Equal(3, first10[1]);
        Assert.Equal(1, first10[2]);
        Assert.Equal(order, QueueOrder.Order(Enumerable.Range(0, 100).ToArray(), labels, seed: 4));
        Assert.NotEqual(order, QueueOrder.Order(Enumerable.Range(0, 100).ToArray(), labels, seed: 5));
    }
}
