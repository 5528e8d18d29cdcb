using System.Globalization;
using Elfs.Connector.Cvat.Api;
using Elfs.Connector.Http;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.Cvat;

/// <summary>
/// Pushes a run's queue as one batch task in the annotation project: frames in rank order, cut into jobs of
/// <c>SegmentSize</c>, verified against the task's data meta, optionally assigned, recorded in the ledger.
/// Idempotent per run: a task that already holds the run's data is verified and kept; one a crash left without data is
/// waited for while CVAT still creates it, otherwise deleted and made again — never two. Another run's task that a
/// crash left unrecorded is settled first (<see cref="CvatUnrecordedTasks"/>), so its frames are not queued again.
/// </summary>
internal sealed class CvatBatchPusher(CvatApiClient api, CvatFrameSource source, CvatPoolReader pool, ICvatPlacementLedger ledger, ILogger logger)
{
    private const int MaxAttachAttempts = 2;
    private readonly CvatBatchTasks tasks = new(api, logger);
    private readonly CvatRequestWaiter waiter = new(api, logger);

    public async Task<PushReceipt> PushAsync(RunId run, IReadOnlyList<Priority> queue, CancellationToken cancellationToken)
    {
        var assigner = new CvatJobAssigner(api, logger);
        var warnings = new List<string>();
        var assignees = await ResolveAssigneesAsync(assigner, warnings, cancellationToken);
        // Before the ledger is read: another run's task that holds frames but was never recorded is recorded now.
        warnings.AddRange(await new CvatUnrecordedTasks(tasks, waiter, pool, ledger, logger).SettleAsync(run, cancellationToken));
        var placed = await ledger.GetPlacedItemsAsync(cancellationToken);
        var plan = await CvatPushPlan.BuildAsync(api, run, queue, placed, cancellationToken);
        var rejected = new List<RejectedItem>(plan.Rejected);

        var task = await ReuseAsync(run, cancellationToken);
        IReadOnlyList<CvatChosenFrame> attached;
        if (task is null)
        {
            if (plan.Frames.Count == 0) return new PushReceipt(run, 0, rejected, "nothing to push: no queued frame could be placed") { Warnings = warnings };
            (task, attached) = await CreateAsync(run, plan, rejected, cancellationToken);
            if (task is null) return new PushReceipt(run, 0, rejected, "nothing to push: no queued frame could be read") { Warnings = warnings };
            VerifyOrder(task.Id, attached.Select(f => f.FileName).ToList(), await tasks.FrameNamesAsync(task.Id, cancellationToken));
        }
        else
        {
            logger.LogInformation("Run {Run} already has CVAT batch task {TaskId}; verifying it", run, task.Id);
            attached = await VerifyExistingAsync(task.Id, plan, rejected, cancellationToken);
        }

        // Recorded as soon as the task holds the frames: a later step that fails must not let another run queue them again.
        await ledger.RecordPlacementAsync(run, task.Id, attached.Select(f => f.Id.ToString()).ToList(), cancellationToken);
        task = await api.ReadAsync(api.Api.GetTaskAsync(task.Id, cancellationToken));
        if (await new CvatGuideWriter(api).WriteAsync(task, run, attached, cancellationToken) is { } guideWarning) warnings.Add(guideWarning);
        await AssignAsync(assigner, task.Id, assignees, warnings, cancellationToken);
        foreach (var warning in warnings) logger.LogWarning("CVAT push of run {Run}: {Warning}", run, warning);
        var location = string.Create(CultureInfo.InvariantCulture, $"{api.Options.Url.TrimEnd('/')}/tasks/{task.Id} ({task.Name})");
        return new PushReceipt(run, attached.Count, rejected, location) { Warnings = warnings };
    }

    private async Task<List<int>> ResolveAssigneesAsync(CvatJobAssigner assigner, List<string> warnings, CancellationToken cancellationToken)
    {
        try { return await assigner.ResolveAsync(cancellationToken); }
        catch (LabelingToolException e) when (api.Options.AssignmentBestEffort && !ConsecutiveFailureBreaker.IsRunStopped(e))
        {
            warnings.Add($"jobs are not assigned ({api.Keys.Key("AssignmentBestEffort")} is on): {e.Message}");
            return [];
        }
    }

    private async Task AssignAsync(CvatJobAssigner assigner, int taskId, List<int> users, List<string> warnings, CancellationToken cancellationToken)
    {
        try { await assigner.AssignAsync(taskId, users, cancellationToken); }
        catch (LabelingToolException e) when (api.Options.AssignmentBestEffort && !ConsecutiveFailureBreaker.IsRunStopped(e))
        {
            warnings.Add($"jobs of batch task {taskId} are not all assigned ({api.Keys.Key("AssignmentBestEffort")} is on): {e.Message}");
        }
    }

    /// <summary>The run's task that holds (or is being given) its data; half-made ones are deleted.</summary>
    private async Task<CvatTask?> ReuseAsync(RunId run, CancellationToken cancellationToken)
    {
        var existing = await tasks.FindAsync(run, cancellationToken);
        var kept = existing.FirstOrDefault(t => t.Size > 0);
        if (existing.Count(t => t.Size > 0) > 1)
            logger.LogWarning("Run {Run} has {Count} CVAT batch tasks with data; keeping {TaskId}, leave the others to an admin",
                run, existing.Count(t => t.Size > 0), kept!.Id);
        foreach (var task in existing.Where(t => t.Size is null or 0))
        {
            if (kept is null && await waiter.FindRunningAsync(task.Id, cancellationToken) is { } running
                && await waiter.WaitAsync(running.Id, task.Id, cancellationToken) is null)
            {
                kept = task;
                continue;
            }
            await tasks.DeleteAsync(task.Id, $"left without data by an earlier push of run {run}", cancellationToken);
        }
        return kept;
    }

    private async Task<(CvatTask? Task, IReadOnlyList<CvatChosenFrame> Attached)> CreateAsync(RunId run, CvatPushPlan plan,
        List<RejectedItem> rejected, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var task = await tasks.CreateAsync(run, plan.Frames.Count, cancellationToken);
            CvatAttachOutcome outcome;
            try
            {
                outcome = await new CvatDataAttacher(api, source).AttachAsync(task.Id, plan, cancellationToken);
            }
            catch (CvatUploadStateException e) when (attempt < MaxAttachAttempts)
            {
                logger.LogWarning("{Problem}; making the batch task again", e.Message);
                await tasks.DeleteAsync(task.Id, "its uploaded files are unknown", cancellationToken);
                continue;
            }
            catch (Exception e) when (e is LabelingToolException or CvatUploadStateException)
            {
                await DeleteQuietlyAsync(task.Id, $"attaching its data failed: {e.Message}");
                throw e as LabelingToolException ?? new LabelingToolException(e.Message, e);
            }
            rejected.AddRange(outcome.Rejected);
            if (outcome.Attached.Count == 0)
            {
                await tasks.DeleteAsync(task.Id, "none of its frames could be read", cancellationToken);
                return (null, []);
            }
            if (outcome.RqId is { } rq && await waiter.WaitAsync(rq, task.Id, cancellationToken) is { } failure)
            {
                await DeleteQuietlyAsync(task.Id, "CVAT failed to create its data");
                throw new LabelingToolException($"CVAT failed to create the data of batch task {task.Id} for run {run}: {failure}");
            }
            return (task, outcome.Attached);
        }
    }

    private async Task DeleteQuietlyAsync(int taskId, string why)
    {
        try { await tasks.DeleteAsync(taskId, why, CancellationToken.None); }
        catch (LabelingToolException e) { logger.LogWarning("Could not delete CVAT task {TaskId} ({Error}); the next push removes it", taskId, e.Message); }
    }

    private static void VerifyOrder(int taskId, List<string> expected, List<string> actual)
    {
        var at = Enumerable.Range(0, Math.Max(expected.Count, actual.Count))
            .FirstOrDefault(i => i >= expected.Count || i >= actual.Count || expected[i] != actual[i], -1);
        if (at >= 0)
            throw new LabelingToolException(
                $"CVAT batch task {taskId} does not hold the frames in priority order: at position {at} it has " +
                $"'{(at < actual.Count ? actual[at] : "(nothing)")}' where '{(at < expected.Count ? expected[at] : "(nothing)")}' was sent " +
                $"({actual.Count} frames held, {expected.Count} sent); delete the task in CVAT and push the run again");
    }

    /// <summary>A task made by an earlier push of the run must hold an ordered part of this queue (frames it could not read are missing).</summary>
    private async Task<IReadOnlyList<CvatChosenFrame>> VerifyExistingAsync(int taskId, CvatPushPlan plan, List<RejectedItem> rejected,
        CancellationToken cancellationToken)
    {
        var actual = await tasks.FrameNamesAsync(taskId, cancellationToken);
        var held = new HashSet<string>(actual, StringComparer.Ordinal);
        var attached = plan.Frames.Where(f => held.Contains(f.FileName)).ToList();
        VerifyOrder(taskId, attached.Select(f => f.FileName).ToList(), actual);
        rejected.AddRange(plan.Frames.Where(f => !held.Contains(f.FileName))
            .Select(f => new RejectedItem(f.Id.ToString(), $"not in batch task {taskId}, which an earlier push of this run made")));
        return attached;
    }
}
