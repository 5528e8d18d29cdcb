using Elfs.Engine.Training;

namespace Elfs.Engine.Selection;

/// <summary>
/// Chooses the hard-prune ratio β without labels (elfs-spec §5.4, made self-contained): a seeded held-out split of the
/// items is set aside; for each candidate β the double-end coreset of the remaining pool is built from the AUM order, a
/// probe classifier is trained on it with pseudo-labels, and its accuracy against the held-out items' pseudo-labels is
/// measured. The β with the highest accuracy wins (ties: the smaller β). Every probe starts from the same seed, so the
/// candidates differ only by their coreset.
/// </summary>
public static class BetaSearch
{
    /// <summary>Share of the items held out for scoring.</summary>
    public const double HeldOutShare = 0.2;

    /// <summary>The candidate grid for a coreset fraction: 0, 0.1, … up to 1 − fraction (inclusive), at most 0.9.</summary>
    public static double[] Candidates(double fraction) =>
        Enumerable.Range(0, 10).Select(i => i / 10.0).Where(b => (decimal)b + (decimal)fraction <= 1m).ToArray();

    /// <summary>Scores every candidate β and returns the best.</summary>
    /// <param name="embeddings">rows × dim embeddings on the compute device.</param>
    /// <param name="labels">Pseudo-label per item.</param>
    /// <param name="aum">AUM per item (low = hard).</param>
    /// <param name="classes">Number of pseudo-classes K.</param>
    /// <param name="fraction">Coreset size as a fraction of the items.</param>
    /// <param name="probe">Probe training settings.</param>
    /// <param name="seed">Seed of the split and the probes.</param>
    /// <param name="candidates">β values to try; <see cref="Candidates"/> when null.</param>
    /// <param name="progress">Reports ("beta", candidate, candidates, "beta 0.3: 81.2%").</param>
    /// <param name="cancellationToken">Checked between candidates and steps.</param>
    public static BetaSearchResult Choose(Tensor embeddings, int[] labels, float[] aum, int classes, double fraction, ProbeSettings probe,
        ulong seed, IReadOnlyList<double>? candidates = null, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var grid = candidates ?? Candidates(fraction);
        if (grid.Count == 0) throw new ArgumentException($"no β candidate fits fraction {fraction} (β + fraction must be ≤ 1)", nameof(candidates));
        var rows = labels.Length;
        var permutation = SeedStreams.Permutation(rows, SeedStreams.Random(seed, "beta-split"));
        var heldOutCount = Math.Clamp(BudgetCounts.RoundHalfUp(HeldOutShare, rows), 1, rows - 2);
        var heldOut = permutation.Take(heldOutCount).Order().ToArray();
        var pool = permutation.Skip(heldOutCount).ToArray();
        var poolAum = pool.Select(i => aum[i]).ToArray();
        var poolOrder = AumOrder.Ascending(poolAum).Select(p => pool[p]).ToArray();
        var budget = Math.Max(1, BudgetCounts.RoundHalfUp(fraction, pool.Length));
        var accuracies = new double[grid.Count];
        for (var c = 0; c < grid.Count; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hard = Math.Min(BudgetCounts.RoundHalfUp(grid[c], pool.Length), pool.Length - budget);
            var coreset = poolOrder.AsSpan(hard, budget).ToArray();
            accuracies[c] = PseudoLabelProbe.TrainAndScore(embeddings, labels, classes, coreset, heldOut, probe, SeedStreams.Derive(seed, "beta-probe"), cancellationToken);
            progress?.Report(new StageProgress("beta", c + 1, grid.Count, FormattableString.Invariant($"beta {grid[c]:0.##}: {100 * accuracies[c]:F1}%")));
        }
        var best = 0;
        for (var c = 1; c < grid.Count; c++)
            if (accuracies[c] > accuracies[best]) best = c;
        return new BetaSearchResult(grid[best], [.. grid], accuracies, heldOutCount);
    }
}
