using Elfs.Engine;
using Elfs.Host.Embedding;

namespace Elfs.Host.Runs;

/// <summary>The select stage on the ELFS engine (<see cref="ElfsSelector"/>).</summary>
public sealed class ElfsSelectionStage : ISelectionStage
{
    /// <inheritdoc />
    public SelectionOutcome Select(VectorMatrix vectors, SelectionRequest request, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var options = new SelectionOptions
        {
            Clusters = request.Clusters,
            Count = request.Count,
            Beta = request.Beta,
            Profile = request.Profile,
            Seed = request.Seed,
            Device = request.Device,
            // The budget-aware default, unless β is to be searched (the search belongs to ELFS's double-end pruning).
            Method = request.BetaAuto ? SelectionMethod.Elfs : SelectionMethod.Auto,
            BetaAuto = request.BetaAuto,
            DuplicateThreshold = request.DuplicateThreshold > 0 ? request.DuplicateThreshold : null,
            AlreadyLabeled = request.AlreadyLabeled,
            ClampBudget = true,
        };
        var result = ElfsSelector.Select(vectors.Data, vectors.Rows, vectors.Dimension, options, Profile(request),
            progress is null ? null : new EngineProgress(progress), cancellationToken);
        return new SelectionOutcome(result.Items, result.StageTimings, result.DeviceUsed, result.Budget, result.Strategy, result.Clustering?.Reason);
    }

    /// <summary>The named profile with the configured epoch overrides applied.</summary>
    public static ElfsProfile Profile(SelectionRequest request)
    {
        var profile = ElfsProfile.FromName(request.Profile);
        if (request.ClusteringEpochs is { } temi)
            profile = profile with { TemiEpochs = temi, TemiWarmupEpochs = Math.Min(profile.TemiWarmupEpochs, temi / 2) };
        if (request.ProxyEpochs is { } proxy)
            profile = profile with { ProxyEpochs = proxy, El2nEpochs = Math.Min(profile.El2nEpochs, proxy) };
        return profile;
    }

    private sealed class EngineProgress(IProgress<PipelineProgress> inner) : IProgress<StageProgress>
    {
        public void Report(StageProgress value) => inner.Report(new PipelineProgress("select:" + value.Stage, value.Step, value.Total, value.Detail));
    }
}
