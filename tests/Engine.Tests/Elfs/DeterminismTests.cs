namespace Elfs.Engine.Tests.Elfs;

public sealed class DeterminismTests
{
    private static readonly GaussianMixture Data = GaussianMixture.Create(perCluster: 120, ambiguous: 20, seed: 3);

    private static SelectionResult Run(SelectionMethod method, ulong seed) => ElfsSelector.Select(Data.Data, Data.Rows, Data.Dim,
        new SelectionOptions { Clusters = 5, Count = 100, Beta = 0.2, Method = method, Seed = seed, Device = "cpu" }, TestProfiles.Tiny);

    [Theory]
    [InlineData(SelectionMethod.Elfs)]
    [InlineData(SelectionMethod.Ccs)]
    [InlineData(SelectionMethod.Random)]
    [InlineData(SelectionMethod.Prototypicality)]
    public void SameSeedGivesIdenticalOutput(SelectionMethod method)
    {
        var first = Run(method, 5);
        var second = Run(method, 5);
        Assert.Equal(first.Items, second.Items);
        Assert.Equal(100, first.Items.Count(i => i.Selected));
    }

    [Fact]
    public void DifferentSeedsGiveDifferentQueues()
    {
        var a = Run(SelectionMethod.Random, 1).Items.Select(i => i.Rank);
        var b = Run(SelectionMethod.Random, 2).Items.Select(i => i.Rank);
        Assert.NotEqual(a, b);
    }
}
