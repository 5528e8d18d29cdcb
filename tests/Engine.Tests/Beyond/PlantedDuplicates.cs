namespace Elfs.Engine.Tests.Beyond;

/// <summary>Seeded random unit-ish vectors with planted exact copies and near copies (small noise) of some rows.</summary>
public sealed record PlantedDuplicates(float[] Data, int Rows, int Dim, (int Original, int Copy)[] Pairs)
{
    public static PlantedDuplicates Create(int distinct = 200, int dim = 24, int exactCopies = 10, int nearCopies = 10, double nearNoise = 0.02, int seed = 3)
    {
        var random = new Random(seed);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var rows = distinct + exactCopies + nearCopies;
        var data = new float[rows * dim];
        for (var i = 0; i < distinct * dim; i++) data[i] = (float)Gaussian();
        var pairs = new List<(int, int)>();
        for (var c = 0; c < exactCopies + nearCopies; c++)
        {
            var original = c * 7 % distinct;
            var copy = distinct + c;
            for (var d = 0; d < dim; d++)
                data[copy * dim + d] = data[original * dim + d] + (c < exactCopies ? 0f : (float)(nearNoise * Gaussian()));
            pairs.Add((original, copy));
        }
        return new PlantedDuplicates(data, rows, dim, [.. pairs]);
    }

    public double Cosine(int a, int b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var d = 0; d < Dim; d++)
        {
            double x = Data[a * Dim + d], y = Data[b * Dim + d];
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return dot / Math.Sqrt(na * nb);
    }
}
