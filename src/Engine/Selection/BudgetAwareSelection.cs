using System.Globalization;
using Elfs.Engine.Training;

namespace Elfs.Engine.Selection;

/// <summary>
/// The default, budget-aware selection (issue 15; docs/selection-strategy.md). The budget is first split over the
/// pseudo-classes in proportion to their sizes (class-proportional, after Tsai et al. 2025). Inside each pseudo-class:
/// at small budget ratios the items are TypiClust picks (k-means into as many sub-clusters as the class's share, the
/// most typical item of each; Hacohen et al. 2022); at larger ratios CCS runs inside the class (drop the class's β
/// hardest by AUM, sample the rest evenly over AUM strata; Zheng et al. 2023), after a typical core of
/// <see cref="TypicalCorePerGroup"/> TypiClust picks of the whole class that opens the class's queue, so a short prefix of
/// a large queue is what a very small budget would have picked. The queue interleaves the classes in proportion, each
/// class in its own order (typical picks coarse to fine, <see cref="CoarseToFineOrder"/>), so every prefix is spread over
/// the classes and over each class.
/// </summary>
public static class BudgetAwareSelection
{
    /// <summary>Name of the small-budget strategy.</summary>
    public const string Typical = "typical-per-group";

    /// <summary>Name of the larger-budget strategy.</summary>
    public const string Stratified = "stratified-per-group";

    /// <summary>
    /// Average budget per pseudo-class up to which only typical items are taken; above it, the typical core of
    /// <see cref="TypicalCorePerGroup"/> and difficulty-aware coverage for the rest. On Fashion-MNIST
    /// (benchmarks/results/quality.md) typical picks beat random by about 3 points at 10 per class and were level with
    /// it or below from 20 per class on, where a core of 10 plus per-class CCS did at least as well (Hacohen et al. see
    /// the same phase transition, its place depending on the embeddings).
    /// </summary>
    public const int TypicalPerGroupUpTo = TypicalCorePerGroup;

    /// <summary>
    /// Typical picks that open each pseudo-class's queue above <see cref="TypicalPerGroupUpTo"/>: what a very small budget
    /// would label first (typical picks gained most at about ten per class), so a short prefix of a large queue is good.
    /// </summary>
    public const int TypicalCorePerGroup = 10;

    /// <summary>β of the per-class CCS above <see cref="TypicalPerGroupUpTo"/>.</summary>
    public const double CoverageBeta = 0.1;

    /// <summary>The strategy the default uses for a budget of <paramref name="budget"/> out of <paramref name="rows"/> items.</summary>
    /// <param name="budget">Items to choose.</param>
    /// <param name="rows">Candidates (unlabeled items).</param>
    /// <param name="groups">Number of pseudo-classes K.</param>
    /// <param name="forced">A strategy name that overrides the choice (<see cref="SelectionOptions.Strategy"/>); null chooses by the budget per group.</param>
    /// <param name="beta">Share of each pseudo-class's hardest items left out by the stratified strategy (lowered so the budget fits).</param>
    /// <exception cref="ArgumentException"><paramref name="forced"/> is not a budget-aware strategy.</exception>
    public static StrategyChoice Plan(int budget, int rows, int groups, string? forced = null, double beta = CoverageBeta)
    {
        var ratio = (double)budget / rows;
        var perGroup = (double)budget / Math.Max(1, groups);
        // β shrinks when the budget would not fit beside it, so the budget is always honoured.
        var coverageBeta = Math.Max(0, Math.Min(beta, 1 - ratio));
        var c = CultureInfo.InvariantCulture;
        if (forced is not null)
            return forced switch
            {
                Typical => new StrategyChoice(Typical, 0, string.Create(c, $"strategy {Typical} was requested (budget {100 * ratio:0.##}% of the items)")),
                Stratified => new StrategyChoice(Stratified, coverageBeta, string.Create(c, $"strategy {Stratified} was requested (budget {100 * ratio:0.##}% of the items)")),
                _ => throw new ArgumentException($"Strategy '{forced}' is not one of {Typical}, {Stratified}", nameof(forced)),
            };
        return perGroup <= TypicalPerGroupUpTo
            ? new StrategyChoice(Typical, 0, string.Create(c,
                $"budget {budget} ({100 * ratio:0.##}% of the candidates) is {perGroup:0.#} per group, at most {TypicalPerGroupUpTo}: with few labels per class typical items train best, so each pseudo-class gets its share and gives the most typical item of each of that many sub-clusters"))
            : new StrategyChoice(Stratified, coverageBeta, string.Create(c,
                $"budget {budget} ({100 * ratio:0.##}% of the candidates) is {perGroup:0.#} per group, above {TypicalPerGroupUpTo}: each pseudo-class gets its share, drops its hardest {100 * coverageBeta:0.##}% by AUM as likely ambiguous, opens its queue with its {TypicalCorePerGroup} most typical sub-cluster items (what a small budget would label first) and samples the rest evenly over difficulty strata (CCS per class)"));
    }

    /// <summary>Selects <paramref name="budget"/> items by <paramref name="plan"/> (from <see cref="Plan"/>, or a fixed plan for comparison).</summary>
    /// <exception cref="ArgumentException">The plan's name is not a budget-aware strategy, or the scores have no kNN graph.</exception>
    /// <param name="scores">Pseudo-labels, AUM and the kNN graph.</param>
    /// <param name="budget">Items to choose.</param>
    /// <param name="plan">The strategy.</param>
    /// <param name="seed">Seed of the sub-clustering and sampling.</param>
    /// <param name="labeled">Per item: already labeled (never a candidate, never pruned or counted); null when none are.</param>
    public static BudgetAwarePick Select(SelectionScores scores, int budget, StrategyChoice plan, ulong seed, IReadOnlyList<bool>? labeled = null)
    {
        var graph = scores.Knn ?? throw new ArgumentException("the budget-aware selection needs the kNN graph", nameof(scores));
        var typical = plan.Name switch
        {
            Typical => true,
            Stratified => false,
            _ => throw new ArgumentException($"'{plan.Name}' is not a budget-aware strategy (typical-per-group, stratified-per-group)", nameof(plan)),
        };
        var rows = scores.Rows;
        // Each pseudo-class's unlabeled members, hardest (lowest AUM) first.
        var groups = Enumerable.Range(0, rows).Where(i => labeled?[i] != true).GroupBy(i => scores.Labels[i]).OrderBy(g => g.Key)
            .Select(g =>
            {
                var members = g.ToArray();
                return AumOrder.Ascending(members.Select(i => scores.Aum[i]).ToArray()).Select(p => members[p]).ToArray();
            })
            .ToArray();
        var hardCounts = groups.Select(m => plan.Beta > 0 && float.IsFinite(scores.Aum[m[0]]) ? BudgetCounts.RoundHalfUp(plan.Beta, m.Length) : 0).ToArray();
        // Per-class rounding can prune a few more than the budget leaves room for: give back the least hard of them.
        while (groups.Sum(m => m.Length) - hardCounts.Sum() < budget && hardCounts.Any(h => h > 0))
            hardCounts[Array.IndexOf(hardCounts, hardCounts.Max())]--;
        var allocation = ProportionalAllocation.Allocate(groups.Select((m, g) => m.Length - hardCounts[g]).ToArray(), budget);
        var typicality = Typicality.Compute(graph);
        var hardPruned = new List<int>();
        var kept = new int[groups.Length][];
        var chosen = new int[groups.Length][];
        var typicalPicks = new List<int>();
        for (var g = 0; g < groups.Length; g++)
        {
            var groupSeed = SeedStreams.Derive(seed, string.Create(CultureInfo.InvariantCulture, $"group-{g}"));
            // The core is what a small budget picks: typical items of the whole group, hard or not; the hard share is
            // then left out of the rest.
            var picks = Typicality.MostTypicalPerCluster(scores.Embeddings.Span, scores.Dim, groups[g],
                typical ? allocation[g] : Math.Min(allocation[g], TypicalCorePerGroup), typicality, SphericalKMeans.DefaultIterations, groupSeed);
            var core = CoarseToFineOrder.Order(scores.Embeddings.Span, scores.Dim, groups[g], picks, typicality, SphericalKMeans.DefaultIterations, groupSeed);
            typicalPicks.AddRange(core);
            var inCore = core.ToHashSet();
            var rest = groups[g].Where(i => !inCore.Contains(i)).ToArray();
            hardPruned.AddRange(rest[..hardCounts[g]]);
            kept[g] = [.. core, .. rest[hardCounts[g]..]];
            chosen[g] = typical ? core : [.. core, .. StrataOutside(scores, rest[hardCounts[g]..], allocation[g] - core.Length, groupSeed)];
        }
        var queue = QueueOrder.Interleave(chosen);
        var inQueue = queue.ToHashSet();
        var spares = kept.SelectMany(k => k).Where(i => !inQueue.Contains(i)).Order().ToArray();
        SeedStreams.Random(seed, "spares").Shuffle(spares);
        return new BudgetAwarePick([.. queue, .. spares], queue.Length, [.. hardPruned], [.. typicalPicks]);
    }

    // CCS inside one group, outside its typical core and hard share: `count` items sampled evenly over AUM strata, in a seeded order.
    private static int[] StrataOutside(SelectionScores scores, int[] rest, int count, ulong seed)
    {
        var aum = rest.Select(i => scores.Aum[i]).ToArray();
        var picks = StratifiedSampling.Select(aum, 0, count, scores.Profile.CcsBins, seed).Select(p => rest[p]).ToArray();
        SeedStreams.Random(seed, "order").Shuffle(picks);
        return picks;
    }
}
