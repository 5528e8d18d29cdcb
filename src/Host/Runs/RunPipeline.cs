using System.Text.Json;
using Elfs.Connector;
using Elfs.Host.Configuration;
using Elfs.Host.Embedding;
using Elfs.Host.Storage;
using Elfs.Host.Tools;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Elfs.Host.Runs;

/// <summary>
/// Runs a project: sync → embed → select → push → report, committing each state so a killed process resumes the run
/// where it stopped (the connectors' push is idempotent per run id, so a resumed push never duplicates the queue).
/// One run per project at a time, guarded in the store.
/// </summary>
public sealed partial class RunPipeline(
    IOptions<ElfsOptions> options,
    StoreSet stores,
    IToolFactory tools,
    IEmbeddingStageFactory embedders,
    ISelectionStage selector,
    IRunReporter reporter,
    TimeProvider time,
    ILogger<RunPipeline> logger,
    RunPause? pause = null)
{
    /// <summary>Runs (or resumes) the project named <paramref name="projectName"/>.</summary>
    public async Task<RunOutcome> RunAsync(string projectName, string trigger, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var project = options.Value.FindProject(projectName)
                      ?? throw new ConfigurationException([$"{ElfsOptions.SectionName}:Projects: no project is named '{projectName}' (known: {string.Join(", ", options.Value.Projects.Select(p => p.Name))})"]);
        using var guard = stores.Locks.TryAcquire(project.Name, out var holder);
        if (guard is null)
        {
            LogAlreadyRunning(project.Name, holder);
            return new RunOutcome(RunStatus.AlreadyRunning, stores.Runs.FindUnfinished(project.Name), $"a run of {project.Name} is already in progress ({holder})");
        }

        var run = stores.Runs.FindUnfinished(project.Name);
        if (run is null)
        {
            var parameters = ParametersOf(project);
            run = stores.Runs.Create(RunContext.NewRunId(project.Name, time.GetUtcNow()), project.Name, trigger,
                JsonSerializer.Serialize(parameters, HostJsonContext.Default.RunParameters), time.GetUtcNow());
            LogStarted(run.Id, project.Name, trigger);
        }
        else
        {
            LogResumed(run.Id, project.Name, RunStore.Name(run.State));
        }

        var stage = RunFailure.StartStage;
        try
        {
            var parameters = JsonSerializer.Deserialize(run.Parameters, HostJsonContext.Default.RunParameters)!;
            var recorded = ResumedRun.Project(project, options.Value.Projects.IndexOf(project), run.Id, parameters, ParametersOf(project),
                change => LogResumedWithRecorded(run.Id, change));
            var tool = tools.Create(recorded);
            using var disposeTool = tool as IDisposable;
            using var embedder = embedders.Create(recorded);
            var context = new RunContext(run, project, parameters, tool, embedder);
            while (context.Run.State != RunState.Done)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var clock = RunContext.Time();
                stage = StageOf(context.Run.State);
                var next = context.Run.State switch
                {
                    RunState.Created => await SyncAsync(context, progress, cancellationToken),
                    RunState.Synced => await EmbedAsync(context, progress, cancellationToken),
                    RunState.Embedded => Select(context, progress, cancellationToken),
                    RunState.Selected => await PushAsync(context, progress, cancellationToken),
                    RunState.Pushed => await ReportAsync(context, cancellationToken),
                    _ => throw new InvalidOperationException($"run {context.Run.Id} is {context.Run.State}"),
                };
                context.AddTiming(stage, clock.Elapsed);
                Commit(context, next.To, next.Extra);
                LogState(context.Run.Id, RunStore.Name(next.To), clock.Elapsed.TotalSeconds);
                if (await PauseIfAskedAsync(context, cancellationToken))
                    return new RunOutcome(RunStatus.Paused, context.Run,
                        $"run {context.Run.Id} paused after state {RunStore.Name(context.Run.State)} (Elfs:Diagnostics:PauseAfterState); it resumes from there on the next run");
            }
            return new RunOutcome(RunStatus.Completed, context.Run,
                $"run {context.Run.Id}: {context.Metrics.Queued} item(s) queued at {context.Metrics.QueueLocation}; report {context.Metrics.ReportPath}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stores.Runs.NoteInterruption(run.Id, "interrupted (shutdown or cancel); resumes on the next start", time.GetUtcNow());
            var stopped = stores.Runs.Get(run.Id);
            LogInterrupted(run.Id, stopped is null ? "?" : RunStore.Name(stopped.State));
            return new RunOutcome(RunStatus.Interrupted, stopped, $"run {run.Id} interrupted; it resumes from its last committed state");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var line = RunFailure.Line(stage, e);
            stores.Runs.Fail(run.Id, line, time.GetUtcNow());
            LogFailed(run.Id, line);
            LogFailureDetail(e, run.Id);
            return new RunOutcome(RunStatus.Failed, stores.Runs.Get(run.Id), $"run {run.Id} failed at {line}");
        }
    }

    /// <summary>The stage that runs from <paramref name="state"/> (the names of the run's timings and failure lines).</summary>
    private static string StageOf(RunState state) => state switch
    {
        RunState.Created => "sync",
        RunState.Synced => "embed",
        RunState.Embedded => "select",
        RunState.Selected => "push",
        _ => "report",
    };

    private RunParameters ParametersOf(ProjectOptions project) => new()
    {
        Tool = project.ToolKind.ToString(),
        Budget = project.Budget,
        Beta = project.Beta,
        BetaAuto = project.BetaAuto,
        DuplicateThreshold = project.DuplicateThreshold,
        Clusters = project.Clusters,
        Encoder = project.EncoderKind.ToString().ToLowerInvariant(),
        EncoderPath = project.EncoderPath,
        EncoderInputSize = project.EncoderInputSize,
        EncoderPreprocessing = EncoderPreprocessing.Of(project),
        ToolTarget = project.ToolTarget(),
        Device = options.Value.Engine.Device,
        Profile = options.Value.Engine.Profile,
        Seed = options.Value.Engine.Seed,
        ClusteringEpochs = options.Value.Engine.ClusteringEpochs,
        ProxyEpochs = options.Value.Engine.ProxyEpochs,
    };

    private async Task<Step> SyncAsync(RunContext context, IProgress<PipelineProgress>? progress, CancellationToken ct)
    {
        var check = await context.Tool.CheckAsync(ct);
        foreach (var warning in check.Warnings)
            LogToolWarning(context.Project.Name, warning);
        var items = new List<SourceItem>();
        await foreach (var item in context.Tool.ListItemsAsync(ct))
        {
            items.Add(item);
            if (items.Count % 500 == 0)
                progress?.Report(new PipelineProgress("sync", items.Count, 0, "items listed"));
        }
        progress?.Report(new PipelineProgress("sync", items.Count, items.Count, "items listed"));
        var candidates = items.Where(i => !i.IsLabeled).ToList();
        var clusters = context.Parameters.Clusters ?? check.ClassCount
                       ?? throw new ConfigurationException([$"{ElfsOptions.SectionName}:Projects:{options.Value.Projects.IndexOf(context.Project)}:Clusters: is empty and the tool's label configuration names no classes; set Clusters (K >= 2)"]);
        var m = context.Metrics;
        (m.TotalItems, m.Labeled, m.Candidates, m.Clusters, m.ToolDescription) = (items.Count, items.Count - candidates.Count, candidates.Count, clusters, check.Description);
        var now = time.GetUtcNow();
        return new Step(RunState.Synced, (c, tx) =>
        {
            stores.Items.Upsert(c, tx, context.Project.Name, items, now);
            stores.Items.AddCandidates(c, tx, context.Run.Id, candidates);
        });
    }

    private async Task<Step> EmbedAsync(RunContext context, IProgress<PipelineProgress>? progress, CancellationToken ct)
    {
        var candidates = stores.Items.Candidates(context.Run.Id);
        var outcome = await context.Embedder.EmbedAsync(context.Tool, candidates, progress, ct);
        var m = context.Metrics;
        m.Embedded = outcome.Items.Count(i => i.VectorKey is not null);
        m.EmbedFailed = outcome.Items.Count - m.Embedded;
        (m.Computed, m.Reused, m.Encoder) = (outcome.Computed, outcome.Reused, context.Embedder.Description);
        foreach (var failed in outcome.Items.Where(i => i.Error is not null).Take(LoggedSkips))
            LogItemFailed(context.Run.Id, failed.ExternalId, failed.Error!);
        if (m.EmbedFailed > LoggedSkips)
            LogMoreSkipped(context.Run.Id, m.EmbedFailed - LoggedSkips);
        return new Step(RunState.Embedded, (c, tx) => stores.Items.SetEmbedded(c, tx, context.Project.Name, context.Run.Id, outcome.Items));
    }

    private Step Select(RunContext context, IProgress<PipelineProgress>? progress, CancellationToken ct)
    {
        var candidates = stores.Items.Candidates(context.Run.Id);
        var embedded = candidates.Where(i => i.VectorKey is not null).ToList();
        var m = context.Metrics;
        var budget = Budget.TryParse(context.Parameters.Budget, out var b, out var error) ? b : throw new ConfigurationException([error]);
        var full = budget.Resolve(candidates.Count);
        // Items of the last queue this run cannot score (still unlabeled, no vector now) are kept and count inside the
        // budget; those that do not fit are left out and reported.
        var previous = stores.Runs.LatestDone(context.Project.Name, context.Run.Id);
        var previousQueue = previous is null ? [] : stores.Selections.Queue(previous.Id);
        var carried = QueueBuilder.Carried(previousQueue, candidates);
        var keep = Math.Min(carried.Count, full);
        m.KeptLeftOut = carried.Count - keep;
        if (m.KeptLeftOut > 0)
            LogKeptLeftOut(context.Run.Id, m.KeptLeftOut, carried.Count, full);
        // The engine fits the budget to the pool (β counts unlabeled candidates only) and says when it lowered it.
        var count = full - keep;
        m.BudgetCount = full;
        var scores = new List<StoredScore>();
        if (embedded.Count >= 2 && count >= 1)
        {
            // Labeled items whose vectors are stored take part too, so a near-copy of an image already labeled is not queued.
            var (vectors, labeled) = context.Embedder.Load(embedded,
                context.Parameters.DuplicateThreshold > 0 ? stores.Items.Labeled(context.Project.Name) : []);
            var rows = embedded.Concat(labeled).ToList();
            var request = new SelectionRequest(Math.Min(m.Clusters, embedded.Count), count, context.Parameters.Beta,
                context.Parameters.Profile, context.Parameters.Seed, context.Parameters.Device, context.Parameters.ClusteringEpochs, context.Parameters.ProxyEpochs,
                context.Parameters.BetaAuto, context.Parameters.DuplicateThreshold,
                labeled.Count == 0 ? null : rows.Select((_, i) => i >= embedded.Count).ToList());
            var result = selector.Select(vectors, request, progress, ct);
            scores.AddRange(result.Rows.Where(r => r.Index < embedded.Count).Select(r => new StoredScore(embedded[r.Index].ExternalId, r.PseudoLabel,
                r.Confidence, r.Aum, r.Forgetting, r.El2n, r.Selected, r.Rank, r.Reason, r.DuplicateOf is { } d ? rows[d].ExternalId : null)));
            foreach (var (stage, elapsed) in result.Timings)
                context.AddTiming("select:" + stage, elapsed);
            m.Device = result.Device;
            (m.HardPruned, m.Strategy, m.StrategyBeta, m.StrategyReason, m.Clustering) =
                (result.Budget?.Hard ?? 0, result.Strategy?.Name, result.Strategy?.Beta, result.Strategy?.Reason, result.Clustering);
            m.BudgetCount = (result.Budget?.Budget ?? count) + keep;
            if (result.Budget?.Warning is { } warning)
            {
                m.BudgetWarning = warning;
                LogToolWarning(context.Project.Name, warning);
            }
        }
        var queue = QueueBuilder.Build(scores, context.Parameters.Beta, m.Clusters, carried.Take(keep).ToList(), candidates, previous?.Id);
        m.Selected = scores.Count(s => s.Selected);
        m.Kept = queue.Count(e => e.KeptFrom is not null);
        return new Step(RunState.Selected, (c, tx) => stores.Selections.Save(c, tx, context.Run.Id, scores, queue));
    }

    private async Task<Step> PushAsync(RunContext context, IProgress<PipelineProgress>? progress, CancellationToken ct)
    {
        var queue = stores.Selections.Queue(context.Run.Id);
        stores.Ledger.BeginAttempt(context.Run.Id, context.Project.Name, time.GetUtcNow());
        progress?.Report(new PipelineProgress("push", 0, queue.Count));
        var priorities = queue.Select(e => new Priority(e.ExternalId, e.Rank, e.Score, e.PseudoLabel, e.Reason)).ToList();
        var receipt = await context.Tool.PushAsync(new RunId(context.Run.Id), priorities, ct);
        progress?.Report(new PipelineProgress("push", queue.Count, queue.Count));
        var m = context.Metrics;
        (m.Queued, m.Rejected, m.QueueLocation) = (receipt.Queued, receipt.Rejected.Count, receipt.Location);
        var rejected = JsonSerializer.Serialize(receipt.Rejected.ToList(), HostJsonContext.Default.ListRejectedItem);
        var now = time.GetUtcNow();
        return new Step(RunState.Pushed, (c, tx) => stores.Ledger.Complete(c, tx, context.Run.Id, receipt.Queued, rejected, receipt.Location, now));
    }

    private async Task<Step> ReportAsync(RunContext context, CancellationToken ct)
    {
        // The report is the run's last act: it describes the run as it will be once this step commits.
        var final = context.Run with { State = RunState.Done, Finished = time.GetUtcNow(), Metrics = context.MetricsJson, Timings = context.TimingsJson };
        context.Metrics.ReportPath = await reporter.WriteAsync(final, context.Project, context.Tool, ct);
        return new Step(RunState.Done, null);
    }

    private void Commit(RunContext context, RunState to, Action<Microsoft.Data.Sqlite.SqliteConnection, Microsoft.Data.Sqlite.SqliteTransaction>? extra)
    {
        var now = time.GetUtcNow();
        stores.Store.InTransaction((c, tx) =>
        {
            extra?.Invoke(c, tx);
            stores.Runs.Advance(c, tx, context.Run.Id, context.Run.State, to, context.TimingsJson, context.MetricsJson, now);
        });
        context.Run = stores.Runs.Get(context.Run.Id)!;
    }

    /// <summary>True when the run stops here (<see cref="RunPause.Stop"/>); with <see cref="RunPause.Wait"/> it waits until cancelled.</summary>
    private async Task<bool> PauseIfAskedAsync(RunContext context, CancellationToken ct)
    {
        var state = options.Value.Diagnostics.PauseAfterState;
        if (string.IsNullOrEmpty(state) || !string.Equals(state, RunStore.Name(context.Run.State), StringComparison.OrdinalIgnoreCase))
            return false;
        await File.WriteAllTextAsync(stores.Store.Path + ".paused", $"{context.Run.Id} {RunStore.Name(context.Run.State)}\n", ct);
        LogPaused(context.Run.Id, state);
        if (pause?.Stops == true)
            return true;
        await Task.Delay(Timeout.Infinite, ct);
        return false;
    }

    /// <summary>Skipped items logged one by one; the rest are counted in one line (all are in the report and its CSV).</summary>
    private const int LoggedSkips = 20;

    private sealed record Step(RunState To, Action<Microsoft.Data.Sqlite.SqliteConnection, Microsoft.Data.Sqlite.SqliteTransaction>? Extra);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} of {Project} started ({Trigger})")]
    private partial void LogStarted(string runId, string project, string trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} of {Project} resumes from state {State}")]
    private partial void LogResumed(string runId, string project, string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "run {RunId} resumes with what it recorded: {Change}")]
    private partial void LogResumedWithRecorded(string runId, string change);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId}: {State} ({Seconds:0.0} s)")]
    private partial void LogState(string runId, string state, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "project {Project} is already running ({Holder}); this trigger is skipped")]
    private partial void LogAlreadyRunning(string project, string? holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "project {Project}: {Warning}")]
    private partial void LogToolWarning(string project, string warning);

    [LoggerMessage(Level = LogLevel.Warning, Message = "run {RunId}: item {ExternalId} skipped: {Reason}")]
    private partial void LogItemFailed(string runId, string externalId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "run {RunId}: and {Count} more item(s) skipped; every skipped item and its reason is in the run's report and skipped CSV")]
    private partial void LogMoreSkipped(string runId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "run {RunId}: {LeftOut} of the {Carried} item(s) of the last queue this run cannot score were left out to keep the queue within the budget of {Budget}; the report lists the count")]
    private partial void LogKeptLeftOut(string runId, int leftOut, int carried, int budget);

    [LoggerMessage(Level = LogLevel.Warning, Message = "run {RunId} interrupted at state {State}; it resumes on the next start")]
    private partial void LogInterrupted(string runId, string state);

    [LoggerMessage(Level = LogLevel.Error, Message = "run {RunId} failed at {Failure}")]
    private partial void LogFailed(string runId, string failure);

    [LoggerMessage(Level = LogLevel.Debug, Message = "run {RunId} failed; the exception")]
    private partial void LogFailureDetail(Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "run {RunId} paused after state {State} (Elfs:Diagnostics:PauseAfterState)")]
    private partial void LogPaused(string runId, string state);
}
