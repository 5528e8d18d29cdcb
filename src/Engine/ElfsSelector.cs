using Elfs.Engine.Clustering;
using Elfs.Engine.Dynamics;
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
        var input = SelectionInput.Validate(embeddings.Span, rows, dim, options);
        var clock = new StageClock();
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(embeddings.Span, [rows, dim]).to(input.Device);
        var scores = options.Method is SelectionMethod.Elfs or SelectionMethod.Ccs
            ? ScoreWithDynamics(x, options, profile, clock, progress, cancellationToken)
            : ScoreWithKMeans(x, options, profile, clock, progress, cancellationToken);
        var selected = clock.Time("selection", () => options.Method switch
        {
            SelectionMethod.Elfs => DoubleEndPruning.Select(scores.Aum, input.Hard, input.Budget),
            SelectionMethod.Ccs => StratifiedSampling.Select(scores.Aum, input.Hard, input.Budget, profile.CcsBins, options.Seed),
            SelectionMethod.Random => RandomSelection.Select(rows, input.Budget, options.Seed),
            _ => PrototypicalitySelection.Select(scores.Distance!, input.Budget),
        });
        var queue = clock.Time("queue", () => QueueOrder.Order(selected, scores.Labels, options.Seed));
        progress?.Report(new StageProgress("selection", 1, 1, $"{queue.Length} of {rows} selected"));
        return new SelectionResult(ItemScores(rows, scores, queue), clock.Timings, input.Device.ToString());
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
            new MlpProxyTrainer(x, profile).Train(pseudo.Labels, options.Clusters, recorder, SeedStreams.Derive(options.Seed, "proxy"), progress, cancellationToken);
            return recorder.Scores();
        });
        return new StageScores(pseudo.Labels, pseudo.Confidence, dynamics.Aum, dynamics.Forgetting, dynamics.El2n, null);
    }

    private static StageScores ScoreWithKMeans(Tensor x, SelectionOptions options, ElfsProfile profile, StageClock clock,
        IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var rows = (int)x.size(0);
        var kmeans = clock.Time("kmeans", () => KMeans.Fit(x, options.Clusters, profile.KMeansIterations, SeedStreams.Derive(options.Seed, "kmeans"), progress, cancellationToken));
        var nan = Enumerable.Repeat(float.NaN, rows).ToArray();
        return new StageScores(kmeans.Labels, nan, nan, new int[rows], nan, kmeans.Distances);
    }

    private static ItemScore[] ItemScores(int rows, StageScores scores, int[] queue)
    {
        var rank = new int?[rows];
        for (var i = 0; i < queue.Length; i++) rank[queue[i]] = i + 1;
        var items = new ItemScore[rows];
        for (var i = 0; i < rows; i++)
            items[i] = new ItemScore(i, scores.Labels[i], scores.Confidence[i], scores.Aum[i], scores.Forgetting[i], scores.El2n[i], rank[i] is not null, rank[i]);
        return items;
    }

    private sealed record StageScores(int[] Labels, float[] Confidence, float[] Aum, int[] Forgetting, float[] El2n, float[]? Distance);
}
