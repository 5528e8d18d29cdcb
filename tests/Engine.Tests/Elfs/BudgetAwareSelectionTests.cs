using Elfs.Engine.Clustering;
using Elfs.Engine.Selection;

namespace Elfs.Engine.Tests.Elfs;

/// <summary>Scores the Gaussian mixture once for the budget-aware default; the tests select several budgets from it.</summary>
public sealed class MixtureScoresFixture
{
    public MixtureScoresFixture()
    {
        Mixture = GaussianMixture.Create();
        Scores = ElfsSelector.Score(Mixture.Data, Mixture.Rows, Mixture.Dim, Options(Count: 1), TestProfiles.Tiny);
    }

    public GaussianMixture Mixture { get; }

    public SelectionScores Scores { get; }

    public static SelectionOptions Options(int? Count = null, double? Fraction = null) =>
        new() { Clusters = 5, Count = Count, Fraction = Fraction, Seed = 3, Device = "cpu" };
}

public sealed class BudgetAwareSelectionTests(MixtureScoresFixture fixture) : IClassFixture<MixtureScoresFixture>
{
    private static int[] GroupSizes(SelectionScores scores, IReadOnlyList<bool>? labeled = null) =>
        Enumerable.Range(0, 5).Select(g => Enumerable.Range(0, scores.Rows).Count(i => scores.Labels[i] == g && labeled?[i] != true)).ToArray();

    [Fact]
    public void TheDefaultMethodIsTheBudgetAwareOne() => Assert.Equal(SelectionMethod.Auto, new SelectionOptions { Clusters = 2 }.Method);

    [Fact]
    public void ASmallBudgetTakesTypicalItemsFromEveryGroupInProportion()
    {
        var result = ElfsSelector.Select(fixture.Scores, MixtureScoresFixture.Options(Count: 40));

        Assert.Equal(BudgetAwareSelection.Typical, result.Strategy!.Name);
        var selected = result.Items.Where(i => i.Selected).ToList();
        Assert.Equal(40, selected.Count);
        var share = ProportionalAllocation.Allocate(GroupSizes(fixture.Scores), 40);
        for (var g = 0; g < 5; g++) Assert.InRange(selected.Count(i => i.PseudoLabel == g), share[g] - 1, share[g] + 1);
        // Typical = dense: the picks' mean neighbour similarity is above the pool's.
        var typicality = Typicality.Compute(fixture.Scores.Knn!);
        Assert.True(selected.Average(i => typicality[i.Index]) > typicality.Average(),
            $"selected typicality {selected.Average(i => typicality[i.Index])} is not above the pool's {typicality.Average()}");
        Assert.All(selected, i => Assert.Contains("most typical", i.Reason));
    }

    [Fact]
    public void ALargerBudgetSkipsEachGroupsHardestShareAndFillsTheBudget()
    {
        var result = ElfsSelector.Select(fixture.Scores, MixtureScoresFixture.Options(Fraction: 0.3) with { Beta = 0.1 });

        Assert.Equal(BudgetAwareSelection.Stratified, result.Strategy!.Name);
        Assert.Equal(0.1, result.Strategy.Beta);
        Assert.Equal(BudgetCounts.RoundHalfUp(0.3, fixture.Scores.Rows), result.Items.Count(i => i.Selected));
        foreach (var group in result.Items.GroupBy(i => i.PseudoLabel))
        {
            // The typical core is what a small budget would pick, hard or not; every other hard item is skipped.
            var hardest = group.OrderBy(i => i.Aum).ThenBy(i => i.Index).Take(BudgetCounts.RoundHalfUp(0.1, group.Count()))
                .Where(i => i.Reason?.Contains("opens the pseudo-class's queue", StringComparison.Ordinal) != true).ToList();
            Assert.All(hardest, i => Assert.False(i.Selected, $"item {i.Index} is among the hardest 10% of group {group.Key} but was selected"));
        }
        Assert.Equal(result.Items.Count(i => i.Reason?.StartsWith("among the hardest", StringComparison.Ordinal) == true), result.Budget!.Hard);
    }

    [Fact]
    public void ALargerBudgetOpensEachGroupsQueueWithItsTypicalCore()
    {
        var result = ElfsSelector.Select(fixture.Scores, MixtureScoresFixture.Options(Fraction: 0.3));
        var typicality = Typicality.Compute(fixture.Scores.Knn!);

        Assert.Equal(BudgetAwareSelection.Stratified, result.Strategy!.Name);
        foreach (var group in result.Items.Where(i => i.Selected).OrderBy(i => i.Rank).GroupBy(i => i.PseudoLabel))
        {
            var picks = group.ToList();
            Assert.True(picks.Count > BudgetAwareSelection.TypicalCorePerGroup, $"group {group.Key} has only {picks.Count} picks");
            var core = picks.Take(BudgetAwareSelection.TypicalCorePerGroup).ToList();
            var rest = picks.Skip(BudgetAwareSelection.TypicalCorePerGroup).ToList();
            Assert.All(core, i => Assert.Contains("opens the pseudo-class's queue", i.Reason));
            Assert.All(rest, i => Assert.Contains("sampled across difficulty", i.Reason));
            Assert.True(core.Average(i => typicality[i.Index]) > rest.Average(i => typicality[i.Index]),
                $"group {group.Key}: the core is not more typical than the rest");
        }
    }

    [Fact]
    public void EveryPrefixOfTheQueueIsSpreadOverTheGroups()
    {
        var result = ElfsSelector.Select(fixture.Scores, MixtureScoresFixture.Options(Fraction: 0.2));
        var queue = result.Items.Where(i => i.Selected).OrderBy(i => i.Rank).ToList();
        var sizes = GroupSizes(fixture.Scores);
        foreach (var length in new[] { queue.Count / 10, queue.Count / 4, queue.Count / 2 })
        {
            var share = ProportionalAllocation.Allocate(sizes, length);
            for (var g = 0; g < 5; g++) Assert.InRange(queue.Take(length).Count(i => i.PseudoLabel == g), share[g] - 2, share[g] + 2);
        }
    }

    [Fact]
    public void LabeledRowsAreNeverSelectedPrunedOrCounted()
    {
        // A mostly-labeled project: 80% of the rows are labeled and only present for the near-duplicate check.
        var labeled = Enumerable.Range(0, fixture.Scores.Rows).Select(i => i % 5 != 0).ToArray();
        var unlabeled = labeled.Count(l => !l);
        foreach (var options in new[]
        {
            MixtureScoresFixture.Options(Count: 100) with { AlreadyLabeled = labeled },
            MixtureScoresFixture.Options(Count: 300) with { AlreadyLabeled = labeled, Beta = 0.1 },
            MixtureScoresFixture.Options(Count: 300) with { AlreadyLabeled = labeled, Beta = 0.1, Method = SelectionMethod.Elfs },
        })
        {
            var result = ElfsSelector.Select(fixture.Scores, options);

            Assert.Equal(unlabeled, result.Budget!.Candidates);
            Assert.Equal(options.Count, result.Items.Count(i => i.Selected));
            Assert.DoesNotContain(result.Items, i => i.Selected && labeled[i.Index]);
            Assert.All(result.Items.Where(i => labeled[i.Index]), i => Assert.Equal("already labeled", i.Reason));
            if (options.Method == SelectionMethod.Elfs) Assert.Equal(BudgetCounts.RoundHalfUp(0.1, unlabeled), result.Budget.Hard);
        }
    }

    [Fact]
    public void ABudgetThatDoesNotFitIsLoweredWithAWarningOnlyWhenClampingIsAsked()
    {
        var rows = fixture.Scores.Rows;
        var options = MixtureScoresFixture.Options(Count: rows) with { Method = SelectionMethod.Elfs, Beta = 0.1 };

        Assert.Equal("Count", Assert.Throws<ArgumentException>(() => ElfsSelector.Select(fixture.Scores, options)).ParamName);
        var result = ElfsSelector.Select(fixture.Scores, options with { ClampBudget = true, DuplicateThreshold = null });

        var fits = rows - BudgetCounts.RoundHalfUp(0.1, rows);
        Assert.Equal(fits, result.Items.Count(i => i.Selected));
        Assert.True(result.Budget!.Clamped);
        Assert.Contains($"{fits} selected", result.Budget.Warning);
    }

    [Fact]
    public void AForcedStrategyIsUsedAndAnUnknownOneIsRefusedByName()
    {
        var forced = ElfsSelector.Select(fixture.Scores, MixtureScoresFixture.Options(Fraction: 0.3) with { Strategy = BudgetAwareSelection.Typical });
        Assert.Equal(BudgetAwareSelection.Typical, forced.Strategy!.Name);

        var e = Assert.Throws<ArgumentException>(() => ElfsSelector.Select(fixture.Scores, MixtureScoresFixture.Options(Count: 10) with { Strategy = "hardest" }));
        Assert.Equal("Strategy", e.ParamName);
    }
}

public sealed class ProportionalAllocationTests
{
    [Theory]
    [InlineData(new[] { 10, 10, 10 }, 6, new[] { 2, 2, 2 })]
    [InlineData(new[] { 2, 50, 48 }, 30, new[] { 1, 15, 14 })]
    [InlineData(new[] { 1, 100, 100 }, 150, new[] { 1, 75, 74 })]
    [InlineData(new[] { 3, 4 }, 100, new[] { 3, 4 })]
    public void SplitsInProportionNeverAboveAGroupsSizeAndSumsToTheBudget(int[] sizes, int budget, int[] expected)
    {
        var allocation = ProportionalAllocation.Allocate(sizes, budget);
        Assert.Equal(expected, allocation);
        Assert.Equal(Math.Min(budget, sizes.Sum()), allocation.Sum());
    }
}

public sealed class ClusterCheckTests
{
    [Fact]
    public void ACollapsedTemiResultIsReplacedByKMeansAndTheReasonSaysSo()
    {
        var mixture = GaussianMixture.Create(clusters: 3, perCluster: 100, ambiguous: 0);
        using var x = TensorData.FromSpan<float>(mixture.Data, [mixture.Rows, mixture.Dim]);
        var graph = KnnGraph.Build(x, 10);
        var truth = mixture.Labels;
        var collapsed = truth.Select(l => l == 2 ? 1 : l).ToArray();

        var (labels, check) = ClusterCheck.Choose(collapsed, truth, 3, graph);
        Assert.Same(truth, labels);
        Assert.Equal("kmeans", check.Used);
        Assert.Contains("collapsed", check.Reason);

        var (kept, ok) = ClusterCheck.Choose(truth, collapsed, 3, graph);
        Assert.Same(truth, kept);
        Assert.Equal("temi", ok.Used);
    }
}
