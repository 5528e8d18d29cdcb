
namespace Elfs.Engine.Clustering;

/// <summary>
/// The cosine k-nearest-neighbour graph (elfs-spec §2.2): rows are L2-normalised, the item itself is excluded by its
/// true index, neighbours are sorted by descending similarity with ties broken by the lower index. Computed in blocks
/// of rows against all N columns, so the extra memory is one block × N, never N × N.
/// </summary>
public sealed class KnnGraph
{
    private KnnGraph(int[] indices, float[] similarities, int rows, int k)
    {
        Indices = indices;
        Similarities = similarities;
        Rows = rows;
        K = k;
    }

    /// <summary>Neighbour indices, rows × <see cref="K"/>, row-major, most similar first.</summary>
    public int[] Indices { get; }

    /// <summary>Cosine similarities matching <see cref="Indices"/>.</summary>
    public float[] Similarities { get; }

    /// <summary>Number of items.</summary>
    public int Rows { get; }

    /// <summary>Neighbours per item.</summary>
    public int K { get; }

    /// <summary>Wraps a precomputed graph (e.g. from an approximate index); rows × k indices, most similar first.</summary>
    public static KnnGraph FromArrays(int[] indices, float[] similarities, int rows, int k)
    {
        if (k < 1 || indices.Length != (long)rows * k || similarities.Length != indices.Length)
            throw new ArgumentException($"a {rows} x {k} graph needs {(long)rows * k} indices and similarities", nameof(indices));
        if (indices.Any(i => (uint)i >= (uint)rows)) throw new ArgumentException($"neighbour indices must be in [0, {rows})", nameof(indices));
        return new KnnGraph(indices, similarities, rows, k);
    }

    /// <summary>Row count per block that keeps one block × N similarity matrix near 64 M floats (256 MB).</summary>
    public static int DefaultBlockRows(int rows) => Math.Clamp((int)(64L * 1024 * 1024 / Math.Max(rows, 1)), 64, 4096);

    /// <summary>Builds the graph from raw embeddings (any scale; they are L2-normalised here).</summary>
    /// <param name="embeddings">rows × dim float32 tensor on the compute device.</param>
    /// <param name="k">Neighbours per item, 1 ≤ k &lt; rows.</param>
    /// <param name="blockRows">Query rows per block; <see cref="DefaultBlockRows"/> when null.</param>
    /// <param name="progress">Reports ("knn", block, blocks).</param>
    /// <param name="cancellationToken">Checked between blocks.</param>
    public static KnnGraph Build(Tensor embeddings, int k, int? blockRows = null, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var rows = (int)embeddings.size(0);
        if (k < 1 || k >= rows) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in [1, {rows - 1}] for {rows} rows");
        var block = blockRows ?? DefaultBlockRows(rows);
        var indices = new int[rows * k];
        var sims = new float[rows * k];
        var blocks = (rows + block - 1) / block;
        using var outer = torch.NewDisposeScope();
        using var normalized = torch.nn.functional.normalize(embeddings, 2, 1);
        using var columns = normalized.t();
        using var selfMask = torch.eye(block, dtype: torch.float32, device: embeddings.device).gt(0.5);
        // Take k+1 candidates so a tie at the k-th place is visible (value k equals value k+1).
        var take = Math.Min(k + 1, rows - 1);
        for (var b = 0; b < blocks; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = b * block;
            var count = Math.Min(block, rows - start);
            using var scope = torch.NewDisposeScope();
            var sim = normalized.narrow(0, start, count).mm(columns);
            // The item itself sits at column start + r of block row r: mask the true index, not the block-local one.
            var mask = count == block ? selfMask : selfMask.narrow(0, 0, count).narrow(1, 0, count);
            sim.narrow(1, start, count).masked_fill_(mask, double.NegativeInfinity);
            var (values, idx) = sim.topk(take, 1, largest: true, sorted: true);
            var v = values.cpu().ToArray<float>();
            var ix = idx.cpu().ToArray<long>();
            for (var r = 0; r < count; r++)
            {
                var row = start + r;
                var candidates = Enumerable.Range(0, take).Select(j => (Value: v[r * take + j], Index: ix[r * take + j])).ToArray();
                var tieAtBoundary = take > k && candidates[k - 1].Value == candidates[k].Value;
                if (tieAtBoundary) candidates = StableRowOrder(sim.select(0, r), k);
                else Array.Sort(candidates, CompareDescendingThenIndex);
                for (var j = 0; j < k; j++)
                {
                    indices[row * k + j] = (int)candidates[j].Index;
                    sims[row * k + j] = candidates[j].Value;
                }
            }
            progress?.Report(new StageProgress("knn", b + 1, blocks, null));
        }
        return new KnnGraph(indices, sims, rows, k);
    }

    private static int CompareDescendingThenIndex((float Value, long Index) a, (float Value, long Index) b)
    {
        var byValue = b.Value.CompareTo(a.Value);
        return byValue != 0 ? byValue : a.Index.CompareTo(b.Index);
    }

    // Rare path: equal similarities straddle the k-th place, so a stable sort of the whole row decides by index.
    private static (float Value, long Index)[] StableRowOrder(Tensor row, int k)
    {
        var (values, order) = row.sort(0, descending: true, stable: true);
        var v = values.narrow(0, 0, k).cpu().ToArray<float>();
        var ix = order.narrow(0, 0, k).cpu().ToArray<long>();
        return Enumerable.Range(0, k).Select(j => (v[j], ix[j])).ToArray();
    }
}
