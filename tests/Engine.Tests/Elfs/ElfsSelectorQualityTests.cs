using Elfs.Engine.Selection;

namespace Elfs.Engine.Tests.Elfs;

public sealed class ElfsSelectorQualityTests(MixtureSelectionFixture fixture) : IClassFixture<MixtureSelectionFixture>
{
    [Fact]
    public void PseudoLabelsMatchTheMixtureComponents()
    {
        var clusters = fixture.Result.Items.Select(i => i.PseudoLabel).ToArray();
        var accuracy = HungarianMatching.Accuracy(clusters, fixture.Mixture.Labels);
        Assert.True(accuracy >= 0.95, $"Hungarian-matched accuracy {accuracy:F3} < 0.95");
    }

    [Fact]
    public void PlantedAmbiguousPointsHaveLowerAumThanClusterCores()
    {
        var items = fixture.Result.Items;
        var ambiguous = items.Where(i => fixture.Mixture.Ambiguous[i.Index]).Average(i => i.Aum);
        var cores = items.Where(i => !fixture.Mixture.Ambiguous[i.Index]).Average(i => i.Aum);
        Assert.True(ambiguous < cores, $"mean AUM ambiguous {ambiguous:F2} is not below cores {cores:F2}");
    }

    [Fact]
    public void SelectsExactlyTheBudgetAfterDroppingTheHardestBeta()
    {
        var items = fixture.Result.Items;
        var (hard, budget) = BudgetCounts.Resolve(items.Count, 0.1, 0.3, null);
        var selected = items.Where(i => i.Selected).ToList();
        Assert.Equal(budget, selected.Count);
        var byAum = items.OrderBy(i => i.Aum).ThenBy(i => i.Index).ToList();
        Assert.All(byAum.Take(hard), i => Assert.False(i.Selected));
        Assert.All(byAum.Skip(hard).Take(budget), i => Assert.True(i.Selected));
        Assert.Equal(Enumerable.Range(1, budget), selected.Select(i => i.Rank!.Value).Order());
        Assert.All(items.Where(i => !i.Selected), i => Assert.Null(i.Rank));
    }

    [Fact]
    public void QueuePrefixesAreProportionalToPseudoLabelShares()
    {
        var selected = fixture.Result.Items.Where(i => i.Selected).OrderBy(i => i.Rank).ToList();
        var shares = selected.GroupBy(i => i.PseudoLabel).ToDictionary(g => g.Key, g => (double)g.Count() / selected.Count);
        foreach (var prefix in new[] { 10, 50, 200 })
        {
            var counts = selected.Take(prefix).GroupBy(i => i.PseudoLabel).ToDictionary(g => g.Key, g => g.Count());
            foreach (var (label, share) in shares)
                Assert.InRange(counts.GetValueOrDefault(label), Math.Floor(share * prefix) - 1, Math.Ceiling(share * prefix) + 1);
        }
    }

    [Fact]
    public void ReportsEveryStageAndFreesItsTensors()
    {
        Assert.Equal(["knn", "temi", "kmeans", "dynamics", "selection", "queue"], fixture.Result.StageTimings.Keys);
        Assert.Equal("cpu", fixture.Result.DeviceUsed);
        Assert.Equal(fixture.LiveTensorsBefore, fixture.LiveTensorsAfter);
        Assert.All(fixture.Result.Items, i => Assert.InRange(i.Confidence, 0.19f, 1f));
        Assert.All(fixture.Result.Items, i => Assert.InRange(i.El2n, 0f, 10 * MathF.Sqrt(2)));
    }
}
