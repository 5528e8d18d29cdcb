using Elfs.Engine.Selection;

namespace Elfs.Engine.Tests.Beyond;

public sealed class BetaSearchTests
{
    private static readonly ProbeSettings Probe = new(Epochs: 30, Batch: 64, Hidden: 32, LearningRate: 0.1, MinLearningRate: 1e-3, WeightDecay: 5e-4);

    /// <summary>
    /// Four separated clusters; by planted AUM the hardest 10% are noise points with random pseudo-labels, the next 10%
    /// a class-balanced band, and the easier rest sorted class by class. With a 10% budget only β = 0.1 gives the probe a
    /// coreset that teaches every class: β = 0 buys noise, β ≥ 0.2 buys one or two classes.
    /// </summary>
    private static (float[] Data, int[] Labels, float[] Aum) PlantedCase(int perBand = 80, int classes = 4, int dim = 8)
    {
        var random = new Random(5);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var centres = Enumerable.Range(0, classes).Select(_ => Enumerable.Range(0, dim).Select(_ => 4 * Gaussian()).ToArray()).ToArray();
        var rows = perBand * 10;
        var data = new float[rows * dim];
        var labels = new int[rows];
        var aum = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            int cls;
            if (i < perBand) { cls = random.Next(classes); aum[i] = -100 + i * 0.01f; }
            else if (i < 2 * perBand) { cls = i % classes; aum[i] = i * 0.01f; }
            else { cls = (i - 2 * perBand) * classes / (rows - 2 * perBand); aum[i] = 100 * (cls + 1) + i * 0.01f; }
            labels[i] = cls;
            for (var d = 0; d < dim; d++)
                data[i * dim + d] = (float)(i < perBand ? 1.5 * Gaussian() : centres[cls][d] + 0.5 * Gaussian());
        }
        return (data, labels, aum);
    }

    [Fact]
    public void PicksThePlantedBestBeta()
    {
        var (data, labels, aum) = PlantedCase();
        using var x = torch.tensor(data, [labels.Length, 8]);
        var result = BetaSearch.Choose(x, labels, aum, classes: 4, fraction: 0.1, Probe, seed: 1);

        Assert.Equal(0.1, result.Beta, 6);
        Assert.Equal(BetaSearch.Candidates(0.1), result.Candidates);
        Assert.Equal(160, result.HeldOut);
        var best = result.Accuracies[1];
        Assert.True(best > 0.7, $"accuracy at the planted beta is {best}");
        for (var c = 0; c < result.Candidates.Count; c++)
            if (c != 1) Assert.True(result.Accuracies[c] < best - 0.15, $"beta {result.Candidates[c]} scored {result.Accuracies[c]} vs {best}");
    }

    [Fact]
    public void CandidatesNeverExceedTheRoomLeftByTheBudget()
    {
        Assert.Equal([0.0, 0.1, 0.2, 0.3], BetaSearch.Candidates(0.7));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i / 10.0), BetaSearch.Candidates(0.1));
        Assert.Equal([0.0], BetaSearch.Candidates(1.0));
    }
}
