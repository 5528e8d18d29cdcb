using Elfs.Engine.Clustering;
using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Elfs;

public sealed class KnnGraphTests
{
    // Brute force in doubles: cosine of row to every other row.
    private static double[] BruteForceRow(float[] data, int rows, int dim, int row)
    {
        double Norm(int r) => Math.Sqrt(Enumerable.Range(0, dim).Sum(d => (double)data[r * dim + d] * data[r * dim + d]));
        return Enumerable.Range(0, rows)
            .Select(j => j == row ? double.NegativeInfinity : Enumerable.Range(0, dim).Sum(d => (double)data[row * dim + d] * data[j * dim + d]) / (Norm(row) * Norm(j)))
            .ToArray();
    }

    // Rows 7m..7m+3 point the same way (copies, and a 2× copy): a group of exactly tied neighbours.
    private static int TieGroup(int row) => row % 7 <= 3 ? row / 7 : -1 - row;

    private static float[] DataWithDuplicates(int rows, int dim, int seed)
    {
        var random = new Random(seed);
        var data = Enumerable.Range(0, rows * dim).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
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
        const double tolerance = 1e-5;
        var data = DataWithDuplicates(rows, dim, rows);
        using var x = torch.tensor(data, [rows, dim]);
        var graph = KnnGraph.Build(x, k, blockRows);
        for (var r = 0; r < rows; r++)
        {
            var exact = BruteForceRow(data, rows, dim, r);
            var kthBest = exact.OrderDescending().ElementAt(k - 1);
            var actual = graph.Indices.AsSpan(r * k, k).ToArray();
            Assert.DoesNotContain(r, actual);
            Assert.Equal(k, actual.Distinct().Count());
            for (var j = 0; j < k; j++)
            {
                // The right similarity, sorted, and nothing better left out (up to float32 rounding).
                Assert.True(Math.Abs(exact[actual[j]] - graph.Similarities[r * k + j]) < tolerance, $"row {r} neighbour {j}");
                Assert.True(exact[actual[j]] >= kthBest - tolerance, $"row {r}: neighbour {actual[j]} is not among the top {k}");
                if (j > 0) Assert.True(graph.Similarities[r * k + j] <= graph.Similarities[r * k + j - 1]);
            }
            // Exact ties go to the lower index: within a tie group, the chosen members are the lowest ones, in order.
            foreach (var group in actual.Where(a => TieGroup(a) >= 0).GroupBy(TieGroup))
            {
                var chosen = group.ToArray();
                var members = Enumerable.Range(0, rows).Where(i => i != r && TieGroup(i) == group.Key).Take(chosen.Length);
                Assert.Equal(members, chosen);
            }
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
