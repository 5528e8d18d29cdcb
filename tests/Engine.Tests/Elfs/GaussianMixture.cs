namespace Elfs.Engine.Tests.Elfs;

/// <summary>Seeded synthetic embeddings: K Gaussian clusters plus planted ambiguous points halfway between two centres.</summary>
public sealed record GaussianMixture(float[] Data, int Rows, int Dim, int[] Labels, bool[] Ambiguous)
{
    /// <summary>Labels are the cluster ids for cores and −1 for ambiguous points.</summary>
    public static GaussianMixture Create(int clusters = 5, int dim = 32, int perCluster = 600, int ambiguous = 150,
        double centreScale = 1.5, double noise = 1.0, int seed = 7)
    {
        var random = new Random(seed);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var centres = new double[clusters][];
        for (var k = 0; k < clusters; k++) centres[k] = Enumerable.Range(0, dim).Select(_ => centreScale * Gaussian()).ToArray();
        var rows = clusters * perCluster + ambiguous;
        var data = new float[rows * dim];
        var labels = new int[rows];
        var isAmbiguous = new bool[rows];
        var r = 0;
        for (var k = 0; k < clusters; k++)
            for (var i = 0; i < perCluster; i++, r++)
            {
                labels[r] = k;
                for (var d = 0; d < dim; d++) data[r * dim + d] = (float)(centres[k][d] + noise * Gaussian());
            }
        for (var i = 0; i < ambiguous; i++, r++)
        {
            var a = i % clusters;
            var b = (a + 1 + i / clusters % (clusters - 1)) % clusters;
            labels[r] = -1;
            isAmbiguous[r] = true;
            for (var d = 0; d < dim; d++) data[r * dim + d] = (float)(0.5 * (centres[a][d] + centres[b][d]) + 0.5 * noise * Gaussian());
        }
        // Shuffle rows so position carries no information.
        var order = Enumerable.Range(0, rows).ToArray();
        random.Shuffle(order);
        var shuffled = new float[data.Length];
        for (var i = 0; i < rows; i++) Array.Copy(data, order[i] * dim, shuffled, i * dim, dim);
        return new GaussianMixture(shuffled, rows, dim, order.Select(o => labels[o]).ToArray(), order.Select(o => isAmbiguous[o]).ToArray());
    }
}
