using System.Security.Cryptography;
using System.Text;
using Elfs.Engine;
using Elfs.Engine.Clustering;

namespace Elfs.Benchmarks.Quality;

/// <summary>
/// Keeps one selection seed's scores (pseudo-labels, training dynamics, kNN graph, the benchmark's own k-means labels) in
/// a binary file of the cache folder, so trying another selection or queue order does not repeat the minutes of TEMI and
/// proxy training. The file name carries the pool size, the seed and a hash of the profile; a change to the scoring
/// code itself is not detected — pass <c>--rescore</c> after one.
/// </summary>
internal static class ScoresCache
{
    private const string Magic = "elfs-quality-scores-v1";

    /// <summary>The cached scores of <paramref name="seed"/>, or those <paramref name="compute"/> makes (then cached).</summary>
    public static (SelectionScores Scores, int[] KMeansLabels) LoadOrCompute(string folder, ReadOnlyMemory<float> vectors, int rows, int dim,
        ulong seed, ElfsProfile profile, bool recompute, Func<(SelectionScores, int[])> compute)
    {
        var path = Path.Combine(folder, $"scores-pool{rows}-seed{seed}-{profile.Name}-{ProfileHash(profile)}.bin");
        if (!recompute && File.Exists(path))
        {
            Console.Error.WriteLine($"seed {seed}: scores read from {path}");
            return Read(path, vectors, rows, dim, profile);
        }
        var computed = compute();
        Write(path + ".tmp", computed.Item1, computed.Item2);
        File.Move(path + ".tmp", path, overwrite: true);
        return computed;
    }

    private static string ProfileHash(ElfsProfile profile) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(profile.ToString())))[..12];

    private static void Write(string path, SelectionScores s, int[] kmeans)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(Magic);
        w.Write(s.Rows);
        Ints(w, s.Labels);
        Floats(w, s.Confidence);
        Floats(w, s.Aum);
        Ints(w, s.Forgetting);
        Floats(w, s.El2n);
        w.Write(s.Distance is not null);
        if (s.Distance is not null) Floats(w, s.Distance);
        var knn = s.Knn ?? throw new InvalidOperationException("the quality benchmark scores with a kNN graph");
        w.Write(knn.K);
        Ints(w, knn.Indices);
        Floats(w, knn.Similarities);
        w.Write(s.Clustering is not null);
        if (s.Clustering is { } c)
        {
            w.Write(c.Used);
            w.Write(c.Reason);
            Quality(w, c.Temi);
            Quality(w, c.KMeans);
        }
        w.Write(s.DeviceUsed);
        Ints(w, kmeans);
    }

    private static (SelectionScores, int[]) Read(string path, ReadOnlyMemory<float> vectors, int rows, int dim, ElfsProfile profile)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        if (r.ReadString() != Magic || r.ReadInt32() != rows) throw new InvalidDataException($"{path} is not a scores cache of {rows} rows; delete it or pass --rescore");
        var labels = Ints(r);
        var confidence = Floats(r);
        var aum = Floats(r);
        var forgetting = Ints(r);
        var el2n = Floats(r);
        var distance = r.ReadBoolean() ? Floats(r) : null;
        var k = r.ReadInt32();
        var knn = KnnGraph.FromArrays(Ints(r), Floats(r), rows, k);
        var clustering = r.ReadBoolean() ? new ClusterCheckResult(r.ReadString(), r.ReadString(), Quality(r), Quality(r)) : null;
        var device = r.ReadString();
        var kmeans = Ints(r);
        var scores = new SelectionScores(vectors, rows, dim, labels, confidence, aum, forgetting, el2n, distance, knn, clustering, profile,
            new Dictionary<string, TimeSpan>(), device);
        return (scores, kmeans);
    }

    private static void Quality(BinaryWriter w, PartitionQuality q)
    {
        w.Write(q.NonEmpty);
        w.Write(q.SizeEntropy);
        w.Write(q.LargestShare);
        w.Write(q.Modularity);
    }

    private static PartitionQuality Quality(BinaryReader r) => new(r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());

    private static void Ints(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    private static void Floats(BinaryWriter w, float[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    private static int[] Ints(BinaryReader r)
    {
        var values = new int[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = r.ReadInt32();
        return values;
    }

    private static float[] Floats(BinaryReader r)
    {
        var values = new float[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = r.ReadSingle();
        return values;
    }
}
