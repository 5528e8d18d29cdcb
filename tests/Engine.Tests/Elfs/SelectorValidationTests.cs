namespace Elfs.Engine.Tests.Elfs;

public sealed class SelectorValidationTests
{
    private static readonly float[] Data = Enumerable.Range(0, 40).Select(i => (float)Math.Sin(i)).ToArray();   // 10 × 4

    private static ArgumentException Fails(SelectionOptions options, float[]? data = null) =>
        Assert.ThrowsAny<ArgumentException>(() => ElfsSelector.Select(data ?? Data, 10, 4, options, TestProfiles.Tiny));

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public void RejectsClusterCountsOutsideTwoToN(int k)
    {
        var e = Fails(new SelectionOptions { Clusters = k, Fraction = 0.2 });
        Assert.Equal("Clusters", e.ParamName);
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "infinite")]
    public void RejectsNonFiniteRowsNamingTheRow(float bad, string word)
    {
        var data = (float[])Data.Clone();
        data[7 * 4 + 2] = bad;
        var e = Fails(new SelectionOptions { Clusters = 2, Fraction = 0.2 }, data);
        Assert.Contains("row 7", e.Message);
        Assert.Contains(word, e.Message);
    }

    [Fact]
    public void RejectsBudgetsBeyondOneMinusBeta()
    {
        Assert.Equal("Fraction", Fails(new SelectionOptions { Clusters = 2, Fraction = 0.95, Beta = 0.1, Method = SelectionMethod.Elfs }).ParamName);
        Assert.Equal("Count", Fails(new SelectionOptions { Clusters = 2, Count = 10, Beta = 0.1, Method = SelectionMethod.Elfs }).ParamName);
    }

    [Fact]
    public void RejectsUnknownProfileAndDevice()
    {
        Assert.Equal("Profile", Assert.Throws<ArgumentException>(() =>
            ElfsSelector.Select(Data, 10, 4, new SelectionOptions { Clusters = 2, Fraction = 0.2, Profile = "gpu-huge" })).ParamName);
        Assert.Equal("Device", Fails(new SelectionOptions { Clusters = 2, Fraction = 0.2, Device = "tpu" }).ParamName);
    }

    [Fact]
    public void RejectsAShapeThatDoesNotMatchTheData()
    {
        Assert.Throws<ArgumentException>(() => ElfsSelector.Select(Data, 11, 4, new SelectionOptions { Clusters = 2, Fraction = 0.2 }, TestProfiles.Tiny));
    }

    [Fact]
    public void BaselinesIgnoreBetaInTheBudgetGuard()
    {
        var result = ElfsSelector.Select(Data, 10, 4, new SelectionOptions { Clusters = 2, Fraction = 0.95, Method = SelectionMethod.Random, Device = "cpu" }, TestProfiles.Tiny);
        Assert.Equal(10, result.Items.Count(i => i.Selected));   // round-half-up(9.5) = 10
    }
}
