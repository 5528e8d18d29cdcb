using Elfs.Engine.Training;

namespace Elfs.Engine.Selection;

/// <summary>
/// Coverage-centric selection (CCS, elfs-spec §5.2): drop the <c>hard</c> lowest-AUM items, split the rest into equal-width
/// score strata, allocate the budget by water-filling from the smallest stratum up, and draw each stratum's share
/// uniformly without replacement with a seeded generator.
/// </summary>
public static class StratifiedSampling
{
    /// <summary>Selected indices (stratum by stratum, ascending score bins).</summary>
    public static int[] Select(ReadOnlySpan<float> scores, int hard, int budget, int bins, ulong seed)
    {
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), bins, "bins must be ≥ 1");
        if (hard < 0 || budget < 0 || hard + budget > scores.Length)
            throw new ArgumentOutOfRangeException(nameof(budget), $"hard {hard} + budget {budget} must be within the {scores.Length} items");
        var order = AumOrder.Ascending(scores);
        var kept = order.AsSpan(hard).ToArray();
        if (kept.Length == 0 || budget == 0) return [];
        var min = scores[kept[0]];
        var max = scores[kept[^1]];
        // Additive widening: the reference's 1.0001·max leaves the maximum outside every bin when max ≤ 0.
        var width = (max - (double)min) / bins;
        var epsilon = Math.Max(1e-6, Math.Abs(max - (double)min) * 1e-4);
        var step = (max - (double)min + epsilon) / bins;
        var strata = new List<int>[bins];
        for (var j = 0; j < bins; j++) strata[j] = [];
        foreach (var item in kept)
        {
            var j = width == 0 ? 0 : (int)Math.Floor((scores[item] - (double)min) / step);
            strata[Math.Clamp(j, 0, bins - 1)].Add(item);
        }
        var allocation = Allocate(strata.Select(s => s.Count).ToArray(), budget);
        var random = SeedStreams.Random(seed, "ccs");
        var selected = new List<int>(budget);
        for (var j = 0; j < bins; j++)
        {
            var members = strata[j].ToArray();
            random.Shuffle(members);
            selected.AddRange(members.Take(allocation[j]));
        }
        return [.. selected];
    }

    /// <summary>
    /// Water-filling: visiting strata from smallest to largest (ties by stratum id), the i-th takes
    /// min(size, ⌊remaining / strata left⌋); the allocations sum to the budget whenever it fits.
    /// </summary>
    public static int[] Allocate(int[] sizes, int budget)
    {
        var allocation = new int[sizes.Length];
        var visit = Enumerable.Range(0, sizes.Length).OrderBy(j => sizes[j]).ThenBy(j => j).ToArray();
        var remaining = budget;
        for (var i = 0; i < visit.Length; i++)
        {
            var j = visit[i];
            var take = Math.Min(sizes[j], remaining / (visit.Length - i));
            allocation[j] = take;
            remaining -= take;
        }
        return allocation;
    }
}
