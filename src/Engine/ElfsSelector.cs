using Elfs.Engine.Clustering;
using Elfs.Engine.Dynamics;
using Elfs.Engine.Dynamics.Proxies;
using Elfs.Engine.Selection;
using Elfs.Engine.Torch;
using Elfs.Engine.Training;

namespace Elfs.Engine;

/// <summary>
/// ELFS end to end on embeddings: kNN graph → TEMI pseudo-labels → proxy training dynamics (AUM) → selection
/// (double-end pruning, CCS, or a label-free baseline) → labeling order. Never sees a ground-truth label.
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
        // With BetaAuto the budget is validated against β = 0; every searched β then fits beside it.
        var input = SelectionInput.Validate(embeddings.Span, rows, dim, options.BetaAuto ? options with { Beta = 0 } : options);
        var clock = new StageClock();
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(embeddings.Span, [rows, dim]).to(input.Device);
        var scores = options.Method is SelectionMethod.Elfs or SelectionMethod.Ccs
            ? ScoreWithDynamics(x, options, profile, clock, progress, cancellationToken)
            : ScoreWithKMeans(x, options, profile, clock, progress, cancellationToken);
        var search = options.BetaAuto
            ? clock.Time("beta", () => BetaSearch.Choose(x, scores.Labels, scores.Aum, options.Clusters, (double)input.Budget / rows,
                ProbeSettings.From(profile), SeedStreams.Derive(options.Seed, "beta"), progress: progress, cancellationToken: cancellationToken))
            : null;
        var beta = search?.Beta ?? options.Beta;
        var hard = search is null ? input.Hard : BudgetCounts.RoundHalfUp(search.Beta, rows);
        int[] hardPruned = [];
        var filter = clock.Time("selection", () =>
        {
            if (options.Method == SelectionMethod.Elfs)
            {
                (var band, hardPruned) = ElfsBand.Select(scores.Aum, hard, input.Budget, scores.Knn, options.DuplicateThreshold, options.AlreadyLabeled);
                return band;
            }
            if (options.Method == SelectionMethod.Ccs) hardPruned = AumOrder.Ascending(scores.Aum)[..input.Hard];
            var chosen = options.Method switch
            {
                SelectionMethod.Ccs => StratifiedSampling.Select(scores.Aum, input.Hard, input.Budget, profile.CcsBins, options.Seed),
                SelectionMethod.Random => RandomSelection.Select(rows, input.Budget, options.Seed),
                _ => PrototypicalitySelection.Select(scores.Distance!, input.Budget),
            };
            return new DuplicateFilterResult(chosen, new int?[rows], new int[rows]);
        });
        var queue = clock.Time("queue", () => QueueOrder.Order(filter.Selected, scores.Labels, options.Seed));
        var selectedMask = new bool[rows];
        foreach (var i in queue) selectedMask[i] = true;
        var hardMask = new bool[rows];
        foreach (var i in hardPruned) hardMask[i] = true;
        var reasons = SelectionReasons.Write(new ReasonFacts(scores.Labels, scores.Aum, selectedMask, options.Method, beta, hardMask,
            filter.DuplicateOf, filter.DroppedInFavour, options.AlreadyLabeled));
        progress?.Report(new StageProgress("selection", 1, 1, $"{queue.Length} of {rows} selected, {filter.DroppedCount} near-duplicates dropped"));
        return new SelectionResult(ItemScores(rows, scores, queue, reasons, filter.DuplicateOf), clock.Timings, input.Device.ToString(), search);
    }

    private static StageScores ScoreWithDynamics(Tensor x, SelectionOptions options, ElfsProfile profile, StageClock clock,
        IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var rows = (int)x.size(0);
        var k = Math.Min(profile.KnnNeighbours, rows - 1);
        var knn = clock.Time("knn", () => KnnGraph.Build(x, k, progress: progress, cancellationToken: cancellationToken));
        var pseudo = clock.Time("temi", () => TemiTrainer.Train(x, knn, options.Clusters, profile, SeedStreams.Derive(options.Seed, "temi"), progress, cancellationToken));
        var dynamics = clock.Time("dynamics", () =>
        {
            var recorder = new TrainingDynamicsRecorder(pseudo.Labels, profile.El2nEpochs);
            ProxyChoice.Create(options, profile, x).Train(pseudo.Labels, options.Clusters, recorder, SeedStreams.Derive(options.Seed, "proxy"), progress, cancellationToken);
            return recorder.Scores();
        });
        return new StageScores(pseudo.Labels, pseudo.Confidence, dynamics.Aum, dynamics.Forgetting, dynamics.El2n, null, knn);
    }

    private static StageScores ScoreWithKMeans(Tensor x, SelectionOptions options, ElfsProfile profile, StageClock clock,
        IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var rows = (int)x.size(0);
        var kmeans = clock.Time("kmeans", () => KMeans.Fit(x, options.Clusters, profile.KMeansIterations, SeedStreams.Derive(options.Seed, "kmeans"), progress, cancellationToken));
        var nan = Enumerable.Repeat(float.NaN, rows).ToArray();
        return new StageScores(kmeans.Labels, nan, nan, new int[rows], nan, kmeans.Distances, null);
    }

    private static ItemScore[] ItemScores(int rows, StageScores scores, int[] queue, string?[] reasons, int?[] duplicateOf)
    {
        var rank = new int?[rows];
        for (var i = 0; i < queue.Length; i++) rank[queue[i]] = i + 1;
        var items = new ItemScore[rows];
        for (var i = 0; i < rows; i++)
            items[i] = new ItemScore(i, scores.Labels[i], scores.Confidence[i], scores.Aum[i], scores.Forgetting[i], scores.El2n[i], rank[i] is not null, rank[i],
                reasons[i], duplicateOf[i]);
        return items;
    }

    private sealed record StageScores(int[] Labels, float[] Confidence, float[] Aum, int[] Forgetting, float[] El2n, float[]? Distance, KnnGraph? Knn);
}
