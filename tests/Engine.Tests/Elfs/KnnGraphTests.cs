using Elfs.Engine.Clustering;
using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Elfs;

public sealed class KnnGraphTests
{
    // Brute force in doubles: cosine to every other row, sorted by similarity descending then index ascending.
    private static (int Index, double Sim)[] BruteForceRow(float[] data, int rows, int dim, int row, int k)
    {
        double Norm(int r) => Math.Sqrt(Enumerable.Range(0, dim).Sum(d => (double)data[r * dim + d] * data[r * dim + d]));
        return Enumerable.Range(0, rows).Where(j => j != row)
            .Select(j => (Index: j, Sim: Enumerable.Range(0, dim).Sum(d => (double)data[row * dim + d] * data[j * dim + d]) / (Norm(row) * Norm(j))))
            .OrderByDescending(p => Math.Round(p.Sim, 5)).ThenBy(p => p.Index).Take(k).ToArray();
    }

    private static float[] DataWithDuplicates(int rows, int dim, int seed)
    {
        var random = new Random(seed);
        var data = Enumerable.Range(0, rows * dim).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        // Exact duplicates and scaled copies give equal cosine similarities: ties must go to the lower index.
        for (var r = 0; r < rows; r += 7)
            for (var copy = 1; copy <= 3 && r + copy < rows; copy++)
                for (var d = 0; d < dim; d++) data[(r + copy) * dim + d] = data[r * dim + d] * (copy == 3 ? 2f : 1f);
        return data;
    }

    [Theory]
    [InlineData(97, 8, 5, 16)]
    [InlineData(150, 3, 12, 64)]
    [InlineData(40, 16, 39, 7)]
    public void EqualsBruteForceWithSelfExcludedAndStableTies(int rows, int dim, int k, int blockRows)
    {
        var data = DataWithDuplicates(rows, dim, rows);
        using var x = torch.tensor(data, [rows, dim]);
        var graph = KnnGraph.Build(x, k, blockRows);
        for (var r = 0; r < rows; r++)
        {
            var expected = BruteForceRow(data, rows, dim, r, k);
            var actual = graph.Indices.AsSpan(r * k, k).ToArray();
            Assert.DoesNotContain(r, actual);
            Assert.Equal(expected.Select(e => e.Index), actual);
            for (var j = 0; j < k; j++) Assert.Equal(expected[j].Sim, graph.Similarities[r * k + j], 4);
        }
    }

    [Fact]
    public void RejectsKOutsideRange()
    {
        using var x = torch.ones([5, 2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => KnnGraph.Build(x, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => KnnGraph.Build(x, 0));
    }
}
