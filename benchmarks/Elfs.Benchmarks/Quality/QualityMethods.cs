using System.Globalization;
using Elfs.Engine;
using Elfs.Engine.Selection;

namespace Elfs.Benchmarks.Quality;

/// <summary>
/// The selections the quality benchmark compares, each a queue (labeling order) of item indices. All but the oracle are
/// label-free; the oracle stratifies by the true class, for scale only.
/// </summary>
internal static class QualityMethods
{
    public const string Default = "default (auto)";

    /// <summary>Method names in table order.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<double> betas) =>
        ["random", "true-class-stratified (oracle)", "k-means-stratified", "typiclust", "ccs (b=0.1)",
            .. betas.Select(b => string.Create(CultureInfo.InvariantCulture, $"elfs (b={b})")), BudgetAwareSelection.Typical, BudgetAwareSelection.Stratified, Default];

    /// <summary>Whether <paramref name="method"/> looks at the true labels (the oracle, shown for scale only).</summary>
    public static bool UsesLabels(string method) => method.StartsWith("true-class", StringComparison.Ordinal);

    /// <summary>The queue of <paramref name="method"/> for <paramref name="budget"/> items, or null when it is not run at this budget.</summary>
    public static int[]? Select(string method, int budget, SeedContext context, double typiclustMaxRatio)
    {
        var n = context.Scores.Rows;
        var seed = context.Seed;
        if (method == "random") return RandomSelection.Select(n, budget, seed);
        if (UsesLabels(method)) return StratifiedRandom(context.TrueLabels, budget, seed);
        if (method == "k-means-stratified") return StratifiedRandom(context.KMeansLabels, budget, seed);
        if (method == "typiclust")
            return (double)budget / n > typiclustMaxRatio ? null
                : Typicality.MostTypicalPerCluster(context.Scores.Embeddings.Span, context.Scores.Dim, Enumerable.Range(0, n).ToArray(), budget,
                    context.Typicality, SphericalKMeans.DefaultIterations, BenchmarkSeeds.Derive(seed, "typiclust"));
        var options = new SelectionOptions { Count = budget, Clusters = 10, Seed = seed, Device = "cpu" };
        options = method switch
        {
            Default => options with { Method = SelectionMethod.Auto },
            BudgetAwareSelection.Typical or BudgetAwareSelection.Stratified => options with { Method = SelectionMethod.Auto, Strategy = method },
            "ccs (b=0.1)" => options with { Method = SelectionMethod.Ccs, Beta = 0.1 },
            _ when method.StartsWith("elfs (b=", StringComparison.Ordinal) =>
                options with { Method = SelectionMethod.Elfs, Beta = double.Parse(method[8..^1], CultureInfo.InvariantCulture) },
            _ => throw new ArgumentException($"unknown method '{method}'"),
        };
        if (options.Method is SelectionMethod.Elfs or SelectionMethod.Ccs && budget + BudgetCounts.RoundHalfUp(options.Beta, n) > n) return null;
        var result = ElfsSelector.Select(context.Scores, options);
        return result.Items.Where(i => i.Rank is not null).OrderBy(i => i.Rank).Select(i => i.Index).ToArray();
    }

    /// <summary>Budget split over the groups in proportion to their sizes, a seeded random sample inside each, interleaved.</summary>
    public static int[] StratifiedRandom(int[] groups, int budget, ulong seed)
    {
        var members = Enumerable.Range(0, groups.Length).GroupBy(i => groups[i]).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
        var allocation = ProportionalAllocation.Allocate(members.Select(m => m.Length).ToArray(), budget);
        var random = BenchmarkSeeds.Random(seed, "stratified-random");
        var picks = members.Select((m, g) =>
        {
            var copy = (int[])m.Clone();
            random.Shuffle(copy);
            return copy[..allocation[g]];
        }).ToArray();
        return QueueOrder.Interleave(picks);
    }
}

/// <summary>What one selection seed scored: the engine's scores plus the k-means labels and typicality the baselines use.</summary>
internal sealed record SeedContext(ulong Seed, SelectionScores Scores, int[] KMeansLabels, float[] Typicality, int[] TrueLabels);
