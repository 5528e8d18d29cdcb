using System.Globalization;
using System.Text.Json.Nodes;
using Elfs.Connector.Http;
using Elfs.Connector.LabelStudio.Api;
using Polly.Timeout;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.LabelStudio;

/// <summary>
/// Pushes a queue as predictions that Label Studio's uncertainty sampling serves lowest score first (research §5.4):
/// ensure the sampling; import one prediction per queued task (<c>result: []</c>, <c>model_version = "elfs-&lt;run&gt;"</c>,
/// score from the rank); switch the project's model version; delete our older versions, never the current one.
/// Idempotent: existing predictions of the run's version are found first and only what is missing is imported.
/// </summary>
internal sealed class LabelStudioPush
{
    private const int SystemicRefusals = 3;
    private readonly LabelStudioApi api;
    private readonly LabelStudioPreflight preflight;
    private readonly LabelStudioOptions options;
    private readonly ILogger logger;
    private int refusals;

    public LabelStudioPush(LabelStudioApi api, LabelStudioPreflight preflight, LabelStudioOptions options, ILogger logger)
    {
        this.api = api;
        this.preflight = preflight;
        this.options = options;
        this.logger = logger;
    }

    public static string VersionOf(RunId run) => LabelStudioPreflight.VersionPrefix + run.Value;

    public async Task<PushReceipt> PushAsync(RunId run, IReadOnlyList<Priority> queue, CancellationToken ct)
    {
        var version = VersionOf(run);
        var rejected = new List<RejectedItem>();
        var wanted = Scores(queue, rejected);
        await SkipLabeledAsync(wanted, rejected, ct);
        var project = await api.GetProjectAsync(ct);
        var versions = await api.GetModelVersionsAsync(ct);
        if (!preflight.HasInspected) preflight.Inspect(project, versions);
        if (project.Sampling != LabelStudioPreflight.UncertaintySampling)
        {
            logger.LogWarning("Label Studio project {Project}: sampling was '{Sampling}'; setting it to '{Wanted}' so \"Label All Tasks\" follows the queue",
                project.Id, project.Sampling, LabelStudioPreflight.UncertaintySampling);
            project = await api.PatchProjectAsync(new LsProjectPatch(Sampling: LabelStudioPreflight.UncertaintySampling), ct);
        }

        var missing = versions.GetValueOrDefault(version) > 0 ? await ReconcileAsync(version, wanted, ct) : wanted.Keys.ToHashSet();
        refusals = 0;
        var imported = 0;
        var toImport = wanted.Where(w => missing.Contains(w.Key)).OrderBy(w => w.Value)
            .Select(w => new LsPredictionImport(w.Key, [], w.Value, version)).ToList();
        var created = 0;
        foreach (var chunk in toImport.Chunk(options.ImportChunkSize))
        {
            var (n, refused) = await ImportAsync(version, chunk.ToList(), ct);
            created += n;
            imported += chunk.Length;
            if (n != chunk.Length - refused.Count)
                logger.LogWarning("Label Studio created {Created} of {Sent} predictions in a chunk; the rest are looked for after the import", n, chunk.Length - refused.Count);
            foreach (var item in refused) { rejected.Add(item); wanted.Remove(long.Parse(item.ExternalId, CultureInfo.InvariantCulture)); }
            logger.LogInformation("Label Studio project {Project}: imported {Done}/{Total} predictions of {Version}", project.Id, imported, toImport.Count, version);
        }
        logger.LogInformation("Label Studio created {Created} predictions of {Version} for {Sent} sent", created, version, toImport.Count);
        await VerifyAsync(version, wanted, rejected, ct);

        if (wanted.Count > 0 && project.ModelVersion != version)
        {
            project = await api.PatchProjectAsync(new LsProjectPatch(ModelVersion: version), ct);
            logger.LogInformation("Label Studio project {Project}: model version switched to {Version}", project.Id, version);
        }
        await DeleteOlderAsync(version, project.ModelVersion, versions.Keys, ct);
        return new PushReceipt(run, wanted.Count, rejected, new Uri(options.BaseUri, $"projects/{options.ProjectId}/data").ToString());
    }

    /// <summary>Valid queue entries as task id -> score in (0, 1), lower = sooner, from the rank order.</summary>
    private static Dictionary<long, double> Scores(IReadOnlyList<Priority> queue, List<RejectedItem> rejected)
    {
        var ids = new List<long>();
        var seen = new HashSet<long>();
        foreach (var p in queue.OrderBy(p => p.Rank))
        {
            if (!long.TryParse(p.ExternalId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
                rejected.Add(new RejectedItem(p.ExternalId, "not a Label Studio task id"));
            else if (!seen.Add(id))
                rejected.Add(new RejectedItem(p.ExternalId, $"queued twice; kept rank {queue.Where(q => q.ExternalId == p.ExternalId).Min(q => q.Rank)}"));
            else ids.Add(id);
        }
        var scores = new Dictionary<long, double>(ids.Count);
        for (var i = 0; i < ids.Count; i++) scores[ids[i]] = (i + 1.0) / (ids.Count + 1.0);
        return scores;
    }

    /// <summary>
    /// The run's version already has predictions (a re-push, or a resume after a crash): keep those that match,
    /// delete duplicates and stale ones, and return the task ids still missing one.
    /// </summary>
    private async Task<HashSet<long>> ReconcileAsync(string version, Dictionary<long, double> wanted, CancellationToken ct)
    {
        var existing = (await api.ListPredictionsAsync(ct)).Where(p => p.ModelVersion == version).OrderBy(p => p.Id).ToList();
        var kept = new HashSet<long>();
        var deleted = 0;
        foreach (var prediction in existing)
        {
            var keep = wanted.TryGetValue(prediction.Task, out var score) && prediction.Score is { } s && Math.Abs(s - score) < 1e-12
                       && kept.Add(prediction.Task);
            if (keep) continue;
            await api.DeletePredictionAsync(prediction.Id, ct);
            deleted++;
        }
        logger.LogInformation("Predictions of {Version} already present: {Kept} kept, {Deleted} duplicate or stale deleted", version, kept.Count, deleted);
        return wanted.Keys.Where(k => !kept.Contains(k)).ToHashSet();
    }

    /// <summary>
    /// Imports one chunk. Label Studio refuses a whole request (400, nothing created) when one task no longer exists:
    /// the chunk is halved until the refused task is alone, confirmed deleted and dropped; the rest is resent.
    /// </summary>
    private async Task<(int Created, List<RejectedItem> Refused)> ImportAsync(string version, List<LsPredictionImport> items, CancellationToken ct)
    {
        var (outcome, stored) = await SendAsync(version, items, ct);
        if (outcome is null) return (stored, []);
        if (outcome.Created is { } created) return (created + stored, []);
        items = outcome.Items;
        if (items.Count > 1)
        {
            var half = items.Count / 2;
            var first = await ImportAsync(version, items[..half], ct);
            var second = await ImportAsync(version, items[half..], ct);
            return (first.Created + second.Created, [.. first.Refused, .. second.Refused]);
        }
        var task = items[0].Task;
        var id = task.ToString(CultureInfo.InvariantCulture);
        if (!await api.TaskExistsAsync(task, ct))
        {
            logger.LogWarning("Task {Task} was deleted since the sync; its prediction is dropped and the rest of the chunk resent", task);
            return (0, [new RejectedItem(id, "the task no longer exists in Label Studio (deleted since the sync)")]);
        }
        if (++refusals >= SystemicRefusals)
            throw new LabelingToolException($"Label Studio refuses prediction imports for existing tasks ({outcome.RefusedDetail}); " +
                                            $"check project {options.ProjectId}'s label config and the server's logs");
        return (0, [new RejectedItem(id, $"refused by Label Studio: {outcome.RefusedDetail}")]);
    }

    /// <summary>
    /// Sends one import request. The pipeline does not retry it (an import is not idempotent): after a timeout, a
    /// connection failure or a transient status, what the server holds for <paramref name="version"/> is read first —
    /// after the wait <see cref="WaitBeforeResend"/> gives (a commit still running on the server lands meanwhile) — and
    /// only the chunk's tasks still without a prediction are sent again, up to <c>Http:MaxRetries</c> times. Returns
    /// the last outcome (null when nothing was left to send) and how many predictions were found stored meanwhile.
    /// </summary>
    private async Task<(SentChunk? Outcome, int Stored)> SendAsync(string version, List<LsPredictionImport> items, CancellationToken ct)
    {
        var stored = 0;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var outcome = await api.ImportPredictionsAsync(items, ct);
                return (new SentChunk(outcome.Created, outcome.RefusedDetail, items), stored);
            }
            catch (LabelingToolException e) when (ConsecutiveFailureBreaker.IsRequestFailure(e) && attempt < options.Http.MaxRetries)
            {
                logger.LogWarning("Importing {Count} predictions failed ({Reason}); reading what Label Studio stored before sending again", items.Count, e.Message);
                await Task.Delay(WaitBeforeResend(e.InnerException, attempt), ct);
                var held = (await api.ListPredictionsAsync(ct)).Where(p => p.ModelVersion == version).Select(p => p.Task).ToHashSet();
                stored += items.Count(i => held.Contains(i.Task));
                items = items.Where(i => !held.Contains(i.Task)).ToList();
                if (items.Count == 0) return (null, stored);
            }
        }
    }

    /// <summary>
    /// The wait before reading back and resending a failed import: <c>Http:RequestTimeout</c> when no answer came (a
    /// commit may still be running on the server); the server's <c>Retry-After</c> (seconds or HTTP-date, capped by
    /// <c>Http:MaxDelay</c>) after a 429/503; otherwise the pipeline's exponential backoff, also capped.
    /// </summary>
    private TimeSpan WaitBeforeResend(Exception? failure, int attempt) => failure switch
    {
        TimeoutRejectedException or HttpRequestException { StatusCode: null } => options.Http.RequestTimeout,
        TransientStatusException { RetryAfter: { } wait } => wait,
        _ => TimeSpan.FromTicks(Math.Min(options.Http.MaxDelay.Ticks, options.Http.BaseDelay.Ticks * (1L << Math.Min(attempt, 30)))),
    };

    private sealed record SentChunk(int? Created, string? RefusedDetail, List<LsPredictionImport> Items);

    /// <summary>
    /// Drops queued tasks labeled since the sync (Label Studio's <c>is_labeled</c> filter, read now): they get no
    /// prediction and are reported as rejected.
    /// </summary>
    private async Task SkipLabeledAsync(Dictionary<long, double> wanted, List<RejectedItem> rejected, CancellationToken ct)
    {
        if (wanted.Count == 0) return;
        var labeled = new HashSet<long>();
        for (var page = 1; ; page++)
        {
            var tasks = await api.GetTasksPageAsync(labeled: true, page, ct);
            if (tasks is null) break;
            labeled.UnionWith(tasks.Tasks.Where(t => t.IsLabeled).Select(t => t.Id));
            if (tasks.Tasks.Count == 0 || (long)page * options.PageSize >= tasks.Total) break;
        }
        var done = wanted.Keys.Where(labeled.Contains).Order().ToList();
        foreach (var id in done)
        {
            wanted.Remove(id);
            rejected.Add(new RejectedItem(id.ToString(CultureInfo.InvariantCulture), "labeled since the sync; it gets no prediction"));
        }
        if (done.Count > 0) logger.LogInformation("{Count} queued tasks were labeled since the sync and are left out of the push", done.Count);
    }

    /// <summary>
    /// Counts the run's predictions. A mismatch means Label Studio skipped invalid items silently, or a retried import
    /// had in fact been stored (a lost answer): duplicates are deleted and the tasks still without one reported.
    /// </summary>
    private async Task VerifyAsync(string version, Dictionary<long, double> wanted, List<RejectedItem> rejected, CancellationToken ct)
    {
        if ((await api.GetModelVersionsAsync(ct)).GetValueOrDefault(version) == wanted.Count) return;
        var skipped = await ReconcileAsync(version, wanted, ct);
        foreach (var task in skipped)
        {
            wanted.Remove(task);
            rejected.Add(new RejectedItem(task.ToString(CultureInfo.InvariantCulture), "Label Studio skipped the prediction as invalid"));
        }
        if (skipped.Count > 0) logger.LogWarning("Label Studio skipped {Count} predictions of {Version}", skipped.Count, version);
    }

    /// <summary>Deletes our earlier versions' predictions; never the project's current version (that would null it).</summary>
    private async Task DeleteOlderAsync(string version, string? current, IEnumerable<string> versions, CancellationToken ct)
    {
        foreach (var old in versions.Where(v => v.StartsWith(LabelStudioPreflight.VersionPrefix, StringComparison.Ordinal) && v != version && v != current))
        {
            var deleted = await api.DeleteModelVersionAsync(old, ct);
            logger.LogInformation("Deleted {Count} predictions of the previous version {Version}", deleted, old);
        }
    }
}
