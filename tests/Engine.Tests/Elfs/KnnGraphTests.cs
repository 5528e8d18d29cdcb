using Elfs.Engine.Clustering;

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

    // Rows 7m..7m+3 point the same way (copies, and a 2x copy): groups of neighbours tied up to float32 rounding.
    private static float[] DataWithDuplicates(int rows, int dim, int seed)
    {
        var random = new Random(seed);
        var data = Enumerable.Range(0, rows * dim).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        for (var r = 0; r < rows; r += 7)
            for (var copy = 1; copy <= 3 && r + copy < rows; copy++)
                for (var d = 0; d < dim; d++) data[(r + copy) * dim + d] = data[r * dim + d] * (copy == 3 ? 2f : 1f);
        return data;
    }

    // Every row has four entries of ±s (s = 1 or 2) and zeros elsewhere: its unit vector has entries ±0.5, so every
    // cosine is a multiple of 0.25, computed exactly in float32 whatever the BLAS, blocking or summation order.
    private static float[] DataWithExactTies(int rows, int dim, int seed)
    {
        var random = new Random(seed);
        var data = new float[rows * dim];
        for (var r = 0; r < rows; r++)
        {
            var scale = random.Next(2) == 0 ? 1f : 2f;
            foreach (var d in Enumerable.Range(0, dim).OrderBy(_ => random.Next()).Take(4))
                data[r * dim + d] = random.Next(2) == 0 ? scale : -scale;
        }
        return data;
    }

    [Theory]
    [InlineData(97, 8, 5, 16)]
    [InlineData(150, 3, 12, 64)]
    [InlineData(40, 16, 39, 7)]
    public void EqualsBruteForceWithSelfExcludedUpToRounding(int rows, int dim, int k, int blockRows)
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
        }
    }

    [Theory]
    [InlineData(97, 8, 5, 16)]
    [InlineData(150, 6, 12, 64)]
    [InlineData(40, 16, 39, 7)]
    public void ExactTiesGoToTheLowerIndex(int rows, int dim, int k, int blockRows)
    {
        var data = DataWithExactTies(rows, dim, rows);
        using var x = torch.tensor(data, [rows, dim]);
        var graph = KnnGraph.Build(x, k, blockRows);
        for (var r = 0; r < rows; r++)
        {
            var exact = BruteForceRow(data, rows, dim, r);
            var expected = Enumerable.Range(0, rows).Where(j => j != r)
                .OrderByDescending(j => exact[j]).ThenBy(j => j).Take(k).ToArray();
            Assert.Equal(expected, graph.Indices.AsSpan(r * k, k).ToArray());
            Assert.Equal(expected.Select(j => (float)exact[j]), graph.Similarities.AsSpan(r * k, k).ToArray());
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
