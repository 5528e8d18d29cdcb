using System.Numerics;
using Elfs.Engine.Training;

namespace Elfs.Engine.Selection;

/// <summary>
/// Budget-sized k-means on plain arrays (cosine: rows and centres are L2-normalised, each row joins the centre with the
/// largest dot product): seeded distinct rows as initial centres and a fixed, small number of Lloyd iterations, so the
/// cost is rows × clusters × dim × iterations and thousands of clusters stay affordable on a CPU. A centre that loses
/// all its rows keeps its previous position.
/// </summary>
public static class SphericalKMeans
{
    /// <summary>Default Lloyd iterations.</summary>
    public const int DefaultIterations = 8;

    /// <summary>Cluster id in [0, clusters) per row of <paramref name="members"/>.</summary>
    /// <param name="embeddings">All rows, row-major rows × dim (any scale).</param>
    /// <param name="dim">Embedding dimension.</param>
    /// <param name="members">The rows to cluster (indices into <paramref name="embeddings"/>).</param>
    /// <param name="clusters">Number of clusters, 1 ≤ clusters ≤ members.</param>
    /// <param name="iterations">Lloyd iterations.</param>
    /// <param name="seed">Seed of the initial centres.</param>
    public static int[] Fit(ReadOnlySpan<float> embeddings, int dim, IReadOnlyList<int> members, int clusters, int iterations, ulong seed)
    {
        var n = members.Count;
        if (clusters < 1 || clusters > n) throw new ArgumentOutOfRangeException(nameof(clusters), clusters, $"clusters must be in [1, {n}]");
        var x = Normalized(embeddings, dim, members);
        var assignment = new int[n];
        if (clusters == 1) return assignment;
        var start = SeedStreams.Permutation(n, SeedStreams.Random(seed, "spherical-kmeans"));
        var centres = new float[clusters * dim];
        for (var c = 0; c < clusters; c++) x.AsSpan(start[c] * dim, dim).CopyTo(centres.AsSpan(c * dim, dim));
        for (var it = 0; it <= iterations; it++)
        {
            Assign(x, centres, n, clusters, dim, assignment);
            if (it == iterations) break;
            var sums = new float[clusters * dim];
            var counts = new int[clusters];
            for (var i = 0; i < n; i++)
            {
                var c = assignment[i];
                counts[c]++;
                var target = sums.AsSpan(c * dim, dim);
                var row = x.AsSpan(i * dim, dim);
                for (var d = 0; d < dim; d++) target[d] += row[d];
            }
            for (var c = 0; c < clusters; c++)
                if (counts[c] > 0)
                {
                    var sum = sums.AsSpan(c * dim, dim);
                    Normalize(sum);
                    sum.CopyTo(centres.AsSpan(c * dim, dim));
                }
        }
        return assignment;
    }

    private static void Assign(float[] x, float[] centres, int n, int clusters, int dim, int[] assignment)
    {
        for (var i = 0; i < n; i++)
        {
            var row = x.AsSpan(i * dim, dim);
            var best = 0;
            var bestDot = float.NegativeInfinity;
            for (var c = 0; c < clusters; c++)
            {
                var dot = Dot(row, centres.AsSpan(c * dim, dim));
                if (dot > bestDot) { bestDot = dot; best = c; }
            }
            assignment[i] = best;
        }
    }

    /// <summary>Dot product of two equal-length spans (SIMD).</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        var width = Vector<float>.Count;
        for (; i <= a.Length - width; i += width) sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }

    private static float[] Normalized(ReadOnlySpan<float> embeddings, int dim, IReadOnlyList<int> members)
    {
        var x = new float[members.Count * dim];
        for (var i = 0; i < members.Count; i++)
        {
            var row = x.AsSpan(i * dim, dim);
            embeddings.Slice(members[i] * dim, dim).CopyTo(row);
            Normalize(row);
        }
        return x;
    }

    private static void Normalize(Span<float> v)
    {
        var norm = MathF.Sqrt(Dot(v, v));
        if (norm <= 0) return;
        for (var d = 0; d < v.Length; d++) v[d] /= norm;
    }
}
