namespace Elfs.Engine.Tests.Elfs;

/// <summary>Clustering accuracy under the best one-to-one matching of clusters to classes (Kuhn–Munkres, O(n³)).</summary>
public static class HungarianMatching
{
    /// <summary>Fraction of items whose cluster maps to their class under the best matching; items with label &lt; 0 are skipped.</summary>
    public static double Accuracy(IReadOnlyList<int> clusters, IReadOnlyList<int> labels)
    {
        var n = Math.Max(clusters.Where((_, i) => labels[i] >= 0).DefaultIfEmpty(0).Max(), labels.Max()) + 1;
        var counts = new long[n, n];
        var total = 0;
        for (var i = 0; i < clusters.Count; i++)
        {
            if (labels[i] < 0) continue;
            counts[clusters[i], labels[i]]++;
            total++;
        }
        var assignment = MaximumAssignment(counts);
        long matched = 0;
        for (var c = 0; c < n; c++) matched += counts[c, assignment[c]];
        return (double)matched / total;
    }

    /// <summary>For each row, the column it is matched to, maximising the summed weight.</summary>
    public static int[] MaximumAssignment(long[,] weight)
    {
        var n = weight.GetLength(0);
        var max = weight.Cast<long>().DefaultIfEmpty(0).Max();
        // Minimise cost = max − weight with the classic potentials formulation (1-based arrays).
        var u = new long[n + 1];
        var v = new long[n + 1];
        var p = new int[n + 1];
        var way = new int[n + 1];
        for (var i = 1; i <= n; i++)
        {
            p[0] = i;
            var j0 = 0;
            var minv = Enumerable.Repeat(long.MaxValue, n + 1).ToArray();
            var used = new bool[n + 1];
            do
            {
                used[j0] = true;
                var i0 = p[j0];
                var delta = long.MaxValue;
                var j1 = 0;
                for (var j = 1; j <= n; j++)
                {
                    if (used[j]) continue;
                    var cur = max - weight[i0 - 1, j - 1] - u[i0] - v[j];
                    if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
                    if (minv[j] < delta) { delta = minv[j]; j1 = j; }
                }
                for (var j = 0; j <= n; j++)
                {
                    if (used[j]) { u[p[j]] += delta; v[j] -= delta; }
                    else minv[j] -= delta;
                }
                j0 = j1;
            } while (p[j0] != 0);
            do
            {
                var j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        var rowToColumn = new int[n];
        for (var j = 1; j <= n; j++) rowToColumn[p[j] - 1] = j - 1;
        return rowToColumn;
    }
}
