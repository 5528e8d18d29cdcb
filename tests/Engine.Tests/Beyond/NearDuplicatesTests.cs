using Elfs.Engine.Clustering;
using Elfs.Engine.Selection;

namespace Elfs.Engine.Tests.Beyond;

public sealed class NearDuplicatesTests
{
    private const double Threshold = 0.98;

    private static KnnGraph Graph(PlantedDuplicates planted, int k = 10)
    {
        using var x = torch.tensor(planted.Data, [planted.Rows, planted.Dim]);
        return KnnGraph.Build(x, k);
    }

    [Fact]
    public void PlantedExactAndNearCopiesAreDroppedAndTheBudgetIsStillFilledExactly()
    {
        var planted = PlantedDuplicates.Create();
        Assert.All(planted.Pairs, p => Assert.True(planted.Cosine(p.Original, p.Copy) >= Threshold, $"planted pair {p} is not above the threshold"));
        // Every copy comes right after its original in priority, so each copy must be dropped in its original's favour.
        var candidates = planted.Pairs.SelectMany(p => new[] { p.Original, p.Copy })
            .Concat(Enumerable.Range(0, planted.Rows).Where(i => planted.Pairs.All(p => p.Original != i && p.Copy != i))).ToArray();
        const int budget = 150;
        var result = NearDuplicates.Take(candidates, budget, Graph(planted), Threshold);

        Assert.Equal(budget, result.Selected.Length);
        Assert.Equal(budget, result.Selected.Distinct().Count());
        foreach (var (original, copy) in planted.Pairs)
        {
            Assert.Contains(original, result.Selected);
            Assert.DoesNotContain(copy, result.Selected);
            Assert.Equal(original, result.DuplicateOf[copy]);
        }
        Assert.Equal(planted.Pairs.Length, result.DroppedCount);
        Assert.Equal(result.DroppedCount, result.DroppedInFavour.Sum());
        // The freed budget went to the next candidates, in order.
        var expected = candidates.Where(c => result.DuplicateOf[c] is null).Take(budget);
        Assert.Equal(expected, result.Selected);
        // No selected pair is above the threshold (checked by brute force, not through the graph).
        for (var a = 0; a < budget; a++)
            for (var b = a + 1; b < budget; b++)
                Assert.True(planted.Cosine(result.Selected[a], result.Selected[b]) < Threshold);
    }

    [Fact]
    public void AlreadyLabeledItemsAndTheirNearCopiesAreNeverSelected()
    {
        var planted = PlantedDuplicates.Create();
        var labeled = new bool[planted.Rows];
        foreach (var (original, _) in planted.Pairs.Take(5)) labeled[original] = true;
        // Copies come first, so each one is a candidate before the budget fills.
        var candidates = Enumerable.Range(0, planted.Rows).Reverse().ToArray();
        var result = NearDuplicates.Take(candidates, 100, Graph(planted), Threshold, labeled);

        Assert.Equal(100, result.Selected.Length);
        Assert.DoesNotContain(result.Selected, i => labeled[i]);
        foreach (var (original, copy) in planted.Pairs.Take(5))
        {
            Assert.DoesNotContain(copy, result.Selected);
            Assert.Equal(original, result.DuplicateOf[copy]);
        }
    }

    [Fact]
    public void WithoutAThresholdNothingIsDroppedAndTheOrderIsKept()
    {
        var planted = PlantedDuplicates.Create();
        var candidates = Enumerable.Range(0, planted.Rows).Reverse().ToArray();
        var result = NearDuplicates.Take(candidates, 50, Graph(planted), threshold: null);
        Assert.Equal(candidates.Take(50), result.Selected);
        Assert.Equal(0, result.DroppedCount);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void ThresholdOutsideTheRangeIsRejectedByName(double threshold)
    {
        var planted = PlantedDuplicates.Create(distinct: 20, exactCopies: 1, nearCopies: 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NearDuplicates.Take([0, 1], 1, Graph(planted, 5), threshold));
        Assert.Contains("DuplicateThreshold", e.Message);
    }

    [Fact]
    public void ManyIdenticalRowsGiveOneQueuedItemWhateverTheirCountAgainstK()
    {
        // 300 identical rows (far more than K neighbours each) and 100 distinct ones: the graph links each copy to only
        // K others, yet no two copies may be queued together (issue 15: 300 identical rows once queued 30 of them).
        const int copies = 300, distinct = 100, dim = 16;
        var random = new Random(7);
        var data = new float[(copies + distinct) * dim];
        var row = Enumerable.Range(0, dim).Select(_ => (float)random.NextDouble() + 0.5f).ToArray();
        for (var i = 0; i < copies; i++) row.CopyTo(data, i * dim);
        for (var i = copies * dim; i < data.Length; i++) data[i] = (float)(random.NextDouble() * 2 - 1);
        using var x = torch.tensor(data, [copies + distinct, dim]);
        var graph = KnnGraph.Build(x, 10);
        // A priority order unrelated to the index (as AUM gives): ties in the graph point at the lowest indices instead.
        var candidates = Enumerable.Range(0, copies + distinct).ToArray();
        new Random(3).Shuffle(candidates);

        var result = NearDuplicates.Take(candidates, 50, graph, Threshold);

        Assert.Single(result.Selected, i => i < copies);
        var kept = result.Selected.Single(i => i < copies);
        Assert.All(Enumerable.Range(0, copies).Where(i => i != kept && result.DuplicateOf[i] is { } of),
            i => Assert.True(result.DuplicateOf[i] < copies, $"copy {i} is named a duplicate of distinct row {result.DuplicateOf[i]}"));
        Assert.Equal(50, result.Selected.Length);
        Assert.Equal(result.DroppedCount, result.DroppedInFavour.Sum());
        Assert.All(result.Selected.Where(i => i >= copies), i => Assert.Null(result.DuplicateOf[i]));
    }
}
