using System.Globalization;

namespace Elfs.Benchmarks.Quality;

/// <summary>Training results keyed by (method, selection size, selection seed, training seed), appended to a CSV as they come.</summary>
internal sealed class QualityResults
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private readonly string path;
    private readonly Dictionary<(string Method, int Size, int Seed, int TrainSeed), double> results = [];

    public QualityResults(string path)
    {
        this.path = path;
        if (!File.Exists(path)) return;
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split('\t');
            results[(f[0], int.Parse(f[1], C), int.Parse(f[2], C), int.Parse(f[3], C))] = double.Parse(f[4], C);
        }
    }

    public bool Has(string method, int size, int seed, int trainSeed) => results.ContainsKey((method, size, seed, trainSeed));

    public bool HasAll(string method, int size, int seed, int trainSeeds) => Enumerable.Range(0, trainSeeds).All(t => Has(method, size, seed, t));

    public double Get(string method, int size, int seed, int trainSeed) => results[(method, size, seed, trainSeed)];

    public void Add(string method, int size, int seed, int trainSeed, double accuracy)
    {
        results[(method, size, seed, trainSeed)] = accuracy;
        File.AppendAllLines(path, [string.Create(C, $"{method}\t{size}\t{seed}\t{trainSeed}\t{accuracy:R}")]);
    }

    private double[] Values(string method, int size) => results.Where(r => r.Key.Method == method && r.Key.Size == size).Select(r => r.Value).ToArray();

    public double? Mean(string method, int size) => Values(method, size) is { Length: > 0 } v ? v.Average() : null;

    public string Cell(string method, int size)
    {
        var v = Values(method, size);
        return v.Length == 0 ? "–" : string.Create(C, $"{100 * v.Average():F1} ± {100 * Std(v):F1}");
    }

    /// <summary>Standard error of the mean of <paramref name="method"/> at <paramref name="size"/> (as a fraction), or null without results.</summary>
    public double? StandardError(string method, int size) => Values(method, size) is { Length: > 0 } v ? Std(v) / Math.Sqrt(v.Length) : null;

    private static double Std(double[] v)
    {
        var mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / Math.Max(1, v.Length - 1));
    }

    /// <summary>Max − min of the per-selection-seed means, in percentage points.</summary>
    public string SeedSpread(string method, int size)
    {
        var means = results.Where(r => r.Key.Method == method && r.Key.Size == size).GroupBy(r => r.Key.Seed).Select(g => 100 * g.Average(r => r.Value)).ToArray();
        return means.Length < 2 ? "–" : (means.Max() - means.Min()).ToString("F1", C);
    }
}
