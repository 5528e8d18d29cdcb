namespace Elfs.Benchmarks.Engine;

/// <summary>Normalised mutual information (arithmetic-mean normalisation, as scikit-learn's default).</summary>
internal static class Nmi
{
    public static double Compute(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var n = (double)a.Count;
        var joint = new Dictionary<(int, int), int>();
        var ca = new Dictionary<int, int>();
        var cb = new Dictionary<int, int>();
        for (var i = 0; i < a.Count; i++)
        {
            joint[(a[i], b[i])] = joint.GetValueOrDefault((a[i], b[i])) + 1;
            ca[a[i]] = ca.GetValueOrDefault(a[i]) + 1;
            cb[b[i]] = cb.GetValueOrDefault(b[i]) + 1;
        }
        double mi = 0;
        foreach (var ((x, y), count) in joint) mi += count / n * Math.Log(count * n / ((double)ca[x] * cb[y]));
        double Entropy(Dictionary<int, int> c) => -c.Values.Sum(v => v / n * Math.Log(v / n));
        var denominator = (Entropy(ca) + Entropy(cb)) / 2;
        return denominator == 0 ? 1 : mi / denominator;
    }
}
