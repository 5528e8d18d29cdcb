using Elfs.Engine.Clustering;
using Elfs.Engine.Dynamics;
using Elfs.Engine.Dynamics.Proxies;
using Elfs.Engine.Selection;
using Elfs.Engine.Training;

namespace Elfs.Engine;

/// <summary>
/// ELFS end to end on embeddings: kNN graph → TEMI pseudo-labels (checked against k-means) → proxy training dynamics
/// (AUM) → selection (the budget-aware default, double-end pruning, CCS, or a label-free baseline) → labeling order.
/// Never sees a ground-truth label. Scoring does not depend on the budget: <see cref="Score(ReadOnlyMemory{float}, int, int, SelectionOptions, ElfsProfile, IProgress{StageProgress}?, CancellationToken)"/>
/// once, then <see cref="Select(SelectionScores, SelectionOptions, IProgress{StageProgress}?, CancellationToken)"/> per budget.
/// </summary>
public static class ElfsSelector
{
    /// <summary>Selects with the named profile of <paramref name="options"/>.</summary>
    /// <param name="embeddings">Row-major rows × dim float32.</param>
    /// <param name="rows">Number of items N.</param>
    /// <param name="dim">Embedding dimension.</param>
    /// <param name="options">Budget, β, method, profile, seed and device.</param>
    /// <param name="progress">Per-stage and per-epoch progress.</param>
    /// <param name="cancellationToken">Checked between steps.</param>
    /// <exception cref="ArgumentException">Names the bad option or row.</exception>
    public static SelectionResult Select(ReadOnlyMemory<float> embeddings, int rows, int dim, SelectionOptions options,
        IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Select(embeddings, rows, dim, options, ElfsProfile.FromName(options.Profile), progress, cancellationToken);

    /// <summary>Selects with explicit hyperparameters (<paramref name="profile"/> replaces <see cref="SelectionOptions.Profile"/>).</summary>
    /// <param name="embeddings">Row-major rows × dim float32.</param>
    /// <param name="rows">Number of items N.</param>
    /// <param name="dim">Embedding dimension.</param>
    /// <param name="options">Budget, β, method, seed and device.</param>
    /// <param name="profile">Hyperparameters of every stage.</param>
    /// <param name="progress">Per-stage and per-epoch progress.</param>
    /// <param name="cancellationToken">Checked between steps.</param>
    /// <exception cref="ArgumentException">Names the bad option or row.</exception>
    public static SelectionResult Select(ReadOnlyMemory<float> embeddings, int rows, int dim, SelectionOptions options, ElfsProfile profile,
        IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ValidateBudget(rows, options);
        ExtendedOptionsValidation.Validate(options, rows);
        var scores = Score(embeddings, rows, dim, options, profile, progress, cancellationToken);
        return Select(scores, options, progress, cancellationToken);
    }

    /// <summary>
    /// The budget-independent part of a run: validates the rows and options (all but the budget), builds the kNN graph,
    /// trains TEMI, checks it against k-means (<see cref="ClusterCheck"/>) and records the proxy training dynamics on the
    /// chosen pseudo-labels. Baselines without dynamics (random, prototypicality) run k-means only.
    /// </summary>
    /// <param name="embeddings">Row-major rows × dim float32 (kept by reference in the result).</param>
    /// <param name="rows">Number of items N.</param>
    /// <param name="dim">Embedding dimension.</param>
    /// <param name="options">Method, clusters, seed, device (the budget and β are not used).</param>
    /// <param name="profile">Hyperparameters of every stage.</param>
    /// <param name="progress">Per-stage and per-epoch progress.</param>
    /// <param name="cancellationToken">Checked between steps.</param>
    /// <exception cref="ArgumentException">Names the bad option or row.</exception>
    public static SelectionScores Score(ReadOnlyMemory<float> embeddings, int rows, int dim, SelectionOptions options, ElfsProfile profile,
        IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var input = SelectionInput.Validate(embeddings.Span, rows, dim, options with { Fraction = null, Count = 1, Beta = 0 });
        var clock = new StageClock();
        EngineRuntime.EnsureConfigured();
        using var scope = torch.NewDisposeScope();
        var x = TensorData.FromSpan(embeddings.Span, [rows, dim]).to(input.Device);
        var scores = NeedsDynamics(options.Method)
            ? ScoreWithDynamics(x, options, profile, clock, progress, cancellationToken)
            : ScoreWithKMeans(x, options, profile, clock, progress, cancellationToken);
        return scores with { Embeddings = embeddings, StageTimings = clock.Timings, DeviceUsed = DeviceNames.Name(input.Device) };
    }

    /// <summary>Selects one budget from scores computed once (any number of budgets may reuse the same scores).</summary>
    /// <param name="scores">From <see cref="Score(ReadOnlyMemory{float}, int, int, SelectionOptions, ElfsProfile, IProgress{StageProgress}?, CancellationToken)"/> with a method of the same kind.</param>
    /// <param name="options">Budget, β, method and seed.</param>
    /// <param name="progress">Reports the β search and the selection.</param>
    /// <param name="cancellationToken">Checked between steps.</param>
    /// <exception cref="ArgumentException">Names the bad option, or says the scores lack what the method needs.</exception>
    public static SelectionResult Select(SelectionScores scores, SelectionOptions options, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var rows = scores.Rows;
        ExtendedOptionsValidation.Validate(options, rows);
        var plan = ValidateBudget(rows, options);
        var (hard, budget) = (plan.Hard, plan.Budget);
        if (NeedsDynamics(options.Method) && scores.Knn is null)
            throw new ArgumentException($"method {options.Method} needs scores with training dynamics; these were computed for a baseline", nameof(options.Method));
        var clock = new StageClock();
        var search = options.BetaAuto
            ? clock.Time("beta", () => SearchBeta(scores, options, (double)budget / rows, progress, cancellationToken))
            : null;
        var beta = search?.Beta ?? options.Beta;
        if (search is not null) hard = BudgetCounts.RoundHalfUp(search.Beta, plan.Candidates);
        int[] hardPruned = [];
        int[] typicalPicks = [];
        StrategyChoice? strategy = null;
        int[]? ownOrder = null;
        var filter = clock.Time("selection", () =>
        {
            switch (options.Method)
            {
                case SelectionMethod.Auto:
                    var chosen = BudgetAwareSelection.Plan(budget, plan.Candidates, options.Clusters, options.Strategy, options.Beta);
                    strategy = chosen;
                    var picked = BudgetAwareSelection.Select(scores, budget, chosen, options.Seed, options.AlreadyLabeled);
                    hardPruned = picked.HardPruned;
                    typicalPicks = picked.Typical;
                    var kept = NearDuplicates.Take(picked.Priority, budget, scores.Knn!, options.DuplicateThreshold, options.AlreadyLabeled);
                    ownOrder = kept.Selected;
                    beta = chosen.Beta;
                    return kept;
                case SelectionMethod.Elfs:
                    (var band, hardPruned) = ElfsBand.Select(scores.Aum, hard, budget, scores.Knn, options.DuplicateThreshold, options.AlreadyLabeled);
                    return band;
            }
            if (options.Method == SelectionMethod.Ccs) hardPruned = AumOrder.Ascending(scores.Aum)[..hard];
            var sample = options.Method switch
            {
                SelectionMethod.Ccs => StratifiedSampling.Select(scores.Aum, hard, budget, scores.Profile.CcsBins, options.Seed),
                SelectionMethod.Random => RandomSelection.Select(rows, budget, options.Seed),
                _ => PrototypicalitySelection.Select(scores.Distance ?? throw new ArgumentException("prototypicality needs k-means distances", nameof(options.Method)), budget),
            };
            return new DuplicateFilterResult(sample, new int?[rows], new int[rows]);
        });
        var queue = clock.Time("queue", () => ownOrder ?? QueueOrder.Order(filter.Selected, scores.Labels, options.Seed));
        var selectedMask = new bool[rows];
        foreach (var i in queue) selectedMask[i] = true;
        var hardMask = new bool[rows];
        foreach (var i in hardPruned) hardMask[i] = true;
        var typicalMask = new bool[rows];
        foreach (var i in typicalPicks) typicalMask[i] = true;
        var reasons = SelectionReasons.Write(new ReasonFacts(scores.Labels, scores.Aum, selectedMask, options.Method, beta, hardMask,
            filter.DuplicateOf, filter.DroppedInFavour, options.AlreadyLabeled, strategy, typicalMask));
        progress?.Report(new StageProgress("selection", 1, 1, $"{queue.Length} of {rows} selected, {filter.DroppedCount} near-duplicates dropped"));
        var timings = scores.StageTimings.Concat(clock.Timings).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        strategy ??= StrategyChoice.Fixed(options.Method, beta);
        return new SelectionResult(ItemScores(rows, scores, queue, reasons, filter.DuplicateOf), timings, scores.DeviceUsed, search)
        {
            Strategy = strategy,
            Budget = plan with { Hard = hardPruned.Length, Budget = queue.Length },
            Clustering = scores.Clustering,
        };
    }

    /// <summary>
    /// Checks the budget and the options that do not need the data (β, Fraction/Count, BetaAuto, Strategy, AlreadyLabeled)
    /// for <paramref name="rows"/> items, so a caller can refuse bad input before the expensive scoring.
    /// </summary>
    /// <exception cref="ArgumentException">Names the bad option and what is allowed.</exception>
    public static BudgetPlan CheckBudget(int rows, SelectionOptions options)
    {
        ExtendedOptionsValidation.Validate(options, rows);
        return ValidateBudget(rows, options);
    }

    private static int Candidates(int rows, IReadOnlyList<bool>? labeled) => labeled is null ? rows : labeled.Count(l => !l);

    private static bool NeedsDynamics(SelectionMethod method) => method is SelectionMethod.Elfs or SelectionMethod.Ccs or SelectionMethod.Auto;

    // β and the budget count unlabeled candidates only. With BetaAuto the budget is validated against β = 0 (every β
    // the search picks fits beside it).
    private static BudgetPlan ValidateBudget(int rows, SelectionOptions options)
    {
        // The default keeps β's room too, so a budget means the same under every strategy (β + fraction ≤ 1).
        var usesBeta = options.Method is SelectionMethod.Elfs or SelectionMethod.Ccs or SelectionMethod.Auto && !options.BetaAuto;
        if (double.IsNaN(options.Beta) || options.Beta < 0 || options.Beta >= 1)
            throw new ArgumentException($"Beta {options.Beta} is outside [0, 1)", nameof(options.Beta));
        var candidates = Candidates(rows, options.AlreadyLabeled);
        var beta = usesBeta ? options.Beta : 0;
        if (options.ClampBudget && options.Count is { } requested && options.Fraction is null)
            return BudgetCounts.Clamp(candidates, beta, requested);
        var (hard, budget) = BudgetCounts.Resolve(candidates, beta, options.Fraction, options.Count);
        return new BudgetPlan(candidates, hard, budget, budget);
    }

    private static BetaSearchResult SearchBeta(SelectionScores scores, SelectionOptions options, double fraction, IProgress<StageProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var scope = torch.NewDisposeScope();
        var x = TensorData.FromSpan(scores.Embeddings.Span, [scores.Rows, scores.Dim]).to(DeviceNames.Parse(scores.DeviceUsed));
        return BetaSearch.Choose(x, scores.Labels, scores.Aum, options.Clusters, fraction, ProbeSettings.From(scores.Profile),
            SeedStreams.Derive(options.Seed, "beta"), progress: progress, cancellationToken: cancellationToken);
    }

    private static SelectionScores ScoreWithDynamics(Tensor x, SelectionOptions options, ElfsProfile profile, StageClock clock,
        IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var rows = (int)x.size(0);
        var k = Math.Min(profile.KnnNeighbours, rows - 1);
        var knn = clock.Time("knn", () => KnnGraph.Build(x, k, progress: progress, cancellationToken: cancellationToken));
        var pseudo = clock.Time("temi", () => TemiTrainer.Train(x, knn, options.Clusters, profile, SeedStreams.Derive(options.Seed, "temi"), progress, cancellationToken));
        var kmeans = clock.Time("kmeans", () => KMeans.Fit(torch.nn.functional.normalize(x, 2, 1), options.Clusters, profile.KMeansIterations,
            SeedStreams.Derive(options.Seed, "kmeans"), cancellationToken: cancellationToken));
        var (labels, check) = ClusterCheck.Choose(pseudo.Labels, kmeans.Labels, options.Clusters, knn);
        progress?.Report(new StageProgress("clusters", 1, 1, check.Reason));
        var dynamics = clock.Time("dynamics", () =>
        {
            var recorder = new TrainingDynamicsRecorder(labels, profile.El2nEpochs);
            ProxyChoice.Create(options, profile, x).Train(labels, options.Clusters, recorder, SeedStreams.Derive(options.Seed, "proxy"), progress, cancellationToken);
            return recorder.Scores();
        });
        return new SelectionScores(default, rows, (int)x.size(1), labels, pseudo.Confidence, dynamics.Aum, dynamics.Forgetting, dynamics.El2n, null, knn, check,
            profile, new Dictionary<string, TimeSpan>(), "");
    }

    private static SelectionScores ScoreWithKMeans(Tensor x, SelectionOptions options, ElfsProfile profile, StageClock clock,
        IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var rows = (int)x.size(0);
        var kmeans = clock.Time("kmeans", () => KMeans.Fit(x, options.Clusters, profile.KMeansIterations, SeedStreams.Derive(options.Seed, "kmeans"), progress, cancellationToken));
        var nan = Enumerable.Repeat(float.NaN, rows).ToArray();
        return new SelectionScores(default, rows, (int)x.size(1), kmeans.Labels, nan, nan, new int[rows], nan, kmeans.Distances, null, null, profile,
            new Dictionary<string, TimeSpan>(), "");
    }

    private static ItemScore[] ItemScores(int rows, SelectionScores scores, int[] queue, string?[] reasons, int?[] duplicateOf)
    {
        var rank = new int?[rows];
        for (var i = 0; i < queue.Length; i++) rank[queue[i]] = i + 1;
        var items = new ItemScore[rows];
        for (var i = 0; i < rows; i++)
            items[i] = new ItemScore(i, scores.Labels[i], scores.Confidence[i], scores.Aum[i], scores.Forgetting[i], scores.El2n[i], rank[i] is not null, rank[i],
                reasons[i], duplicateOf[i]);
        return items;
    }
}
