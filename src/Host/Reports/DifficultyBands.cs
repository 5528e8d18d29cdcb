namespace Elfs.Host.Reports;

/// <summary>
/// The three AUM bands of double-end pruning, from a run's scores: the hardest β share (pruned as likely junk or
/// ambiguous), the band the queue was drawn from, and the easy rest (pruned as redundant).
/// </summary>
/// <param name="Min">Lowest AUM.</param>
/// <param name="HardUpTo">AUM below which items were pruned as hardest.</param>
/// <param name="SelectedUpTo">AUM above which items were pruned as easy.</param>
/// <param name="Max">Highest AUM.</param>
/// <param name="HardCount">Items in the hard band.</param>
/// <param name="EasyCount">Items in the easy band.</param>
public sealed record DifficultyBands(float Min, float HardUpTo, float SelectedUpTo, float Max, int HardCount, int EasyCount)
{
    /// <summary>Computes the bands: hard = the engine's hard-pruned count of lowest AUMs; the selected band ends at the highest selected AUM.</summary>
    /// <param name="scores">The run's scores.</param>
    /// <param name="hardPruned">Candidates the engine left out as the hardest (<see cref="Runs.RunMetrics.HardPruned"/>).</param>
    public static DifficultyBands? Of(IReadOnlyList<Storage.StoredScore> scores, int hardPruned)
    {
        if (scores.Count == 0)
            return null;
        var sorted = scores.Select(s => s.Aum).Order().ToArray();
        var m = Math.Clamp(hardPruned, 0, sorted.Length);
        var hardUpTo = m == 0 ? sorted[0] : (sorted[m - 1] + sorted[Math.Min(m, sorted.Length - 1)]) / 2;
        var selected = scores.Where(s => s.Selected).Select(s => s.Aum).ToArray();
        var selectedUpTo = selected.Length == 0 ? hardUpTo : selected.Max();
        return new DifficultyBands(sorted[0], hardUpTo, selectedUpTo, sorted[^1], m, sorted.Count(a => a > selectedUpTo));
    }
}
