using Elfs.Engine.Selection;

namespace Elfs.Engine.Tests.Elfs;

public sealed class CoarseToFineOrderTests
{
    private const int Dim = 16;
    private static readonly int[] BlobSizes = [120, 60, 50, 40, 30, 25, 20, 15];

    // Eight well-separated blobs (one per axis), the first much the largest; the blob of each row.
    private static (float[] Embeddings, int[] Blob) Blobs()
    {
        var random = new Random(11);
        var rows = BlobSizes.Sum();
        var embeddings = new float[rows * Dim];
        var blob = new int[rows];
        var row = 0;
        for (var b = 0; b < BlobSizes.Length; b++)
            for (var i = 0; i < BlobSizes[b]; i++, row++)
            {
                blob[row] = b;
                for (var d = 0; d < Dim; d++) embeddings[row * Dim + d] = (d == b ? 5f : 0f) + (float)(0.3 * (random.NextDouble() - 0.5));
            }
        return (embeddings, blob);
    }

    [Fact]
    public void APrefixOfTheTypicalPicksSpansTheGroupNotItsLargestRegion()
    {
        var (embeddings, blob) = Blobs();
        var members = Enumerable.Range(0, blob.Length).ToArray();
        var typicality = members.Select(i => (float)(1.0 - 0.001 * i)).ToArray();
        // Largest-sub-cluster-first picks: eight from the big blob, then one from each other blob.
        var picks = members.Where(i => blob[i] == 0).Take(8).Concat(Enumerable.Range(1, 7).Select(b => Array.IndexOf(blob, b))).ToArray();

        var order = CoarseToFineOrder.Order(embeddings, Dim, members, picks, typicality, SphericalKMeans.DefaultIterations, seed: 5);

        Assert.Equal(picks.Order(), order.Order());
        var spanned = order.Take(8).Select(i => blob[i]).Distinct().Count();
        Assert.True(spanned >= 5, $"the first 8 of the order span {spanned} of 8 regions: {string.Join(",", order.Take(8).Select(i => blob[i]))}");
    }

    [Fact]
    public void TheOrderIsThePicksWhateverTheirNumber()
    {
        var (embeddings, _) = Blobs();
        var members = Enumerable.Range(0, 40).ToArray();
        var typicality = new float[BlobSizes.Sum()];

        Assert.Equal([7], CoarseToFineOrder.Order(embeddings, Dim, members, [7], typicality, 4, seed: 1));
        Assert.Empty(CoarseToFineOrder.Order(embeddings, Dim, members, [], typicality, 4, seed: 1));
        var all = CoarseToFineOrder.Order(embeddings, Dim, members, members, typicality, 4, seed: 1);
        Assert.Equal(members, all.Order());
    }
}
