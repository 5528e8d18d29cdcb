using System.Globalization;
using Elfs.Connector.Cvat.Api;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.Cvat;

/// <summary>
/// Batch tasks of other runs whose placement the ledger never got: a push that stopped between CVAT creating the task
/// and the ledger write. Each is found by its run marker before a push places frames, and made safe: one holding frames
/// is adopted (its frames are recorded as placed by its run, so no run queues them again; the task is never deleted, so
/// no annotation made in it is lost); one whose data CVAT is still creating is waited for first; one left without data
/// (a failed creation request keeps the task, size 0; a crash mid-upload leaves one) holds nothing and is deleted.
/// </summary>
internal sealed class CvatUnrecordedTasks(CvatBatchTasks tasks, CvatRequestWaiter waiter, CvatPoolReader pool, ICvatPlacementLedger ledger,
    ILogger logger)
{
    /// <summary>Adopts or removes other runs' unrecorded batch tasks; returns a warning for each one adopted or left as it is.</summary>
    public async Task<List<string>> SettleAsync(RunId run, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var placed = await ledger.GetPlacedItemsAsync(cancellationToken);
        var recorded = placed.Values.ToHashSet();
        Dictionary<string, List<string>>? poolNames = null;
        foreach (var (task, owner) in await tasks.OfOtherRunsAsync(run, cancellationToken))
        {
            if (recorded.Contains(owner)) continue;
            if (task.Size is null or 0 && !await DataArrivesAsync(task.Id, cancellationToken))
            {
                await tasks.DeleteAsync(task.Id, $"left without data by a push of run {owner} that stopped early", cancellationToken);
                continue;
            }
            var names = await tasks.FrameNamesAsync(task.Id, cancellationToken);
            var held = new List<string>();
            var unknown = 0;
            foreach (var name in names)
            {
                if (CvatUploadName.TryParse(name, out var id)) held.Add(id.ToString());
                else if ((poolNames ??= await PoolNamesAsync(cancellationToken)).TryGetValue(name, out var ids)) held.AddRange(ids);
                else unknown++;
            }
            var fresh = held.Distinct().Where(id => !placed.ContainsKey(id)).ToList();
            var warning = Describe(task, owner, names.Count, fresh.Count, held.Count - fresh.Count, unknown);
            logger.LogWarning("{Warning}", warning);
            warnings.Add(warning);
            if (fresh.Count > 0) await ledger.RecordPlacementAsync(owner, task.Id, fresh, cancellationToken);
        }
        return warnings;
    }

    /// <summary>Whether a data-less task gets its data: CVAT still runs its creation request and that request succeeds.</summary>
    private async Task<bool> DataArrivesAsync(int taskId, CancellationToken cancellationToken) =>
        await waiter.FindRunningAsync(taskId, cancellationToken) is { } running
        && await waiter.WaitAsync(running.Id, taskId, cancellationToken) is null;

    /// <summary>Pool frame names (what a batch task made by reference holds) to the pool items that have them.</summary>
    private async Task<Dictionary<string, List<string>>> PoolNamesAsync(CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var item in pool.ListAsync(cancellationToken))
            (names.TryGetValue(item.ImageRef, out var ids) ? ids : names[item.ImageRef] = []).Add(item.ExternalId);
        return names;
    }

    private static string Describe(CvatTask task, RunId owner, int frames, int adopted, int placedElsewhere, int unknown)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"batch task {task.Id} '{task.Name}' holds {frames} frames of run {owner}, whose push stopped before recording them; ");
        text += adopted > 0
            ? string.Create(CultureInfo.InvariantCulture, $"recorded {adopted} as placed by run {owner}, so no run queues them again")
            : "nothing recorded";
        if (placedElsewhere > 0)
            text += string.Create(CultureInfo.InvariantCulture, $"; {placedElsewhere} are also in another run's batch task (queued twice before)");
        if (unknown > 0) text += string.Create(CultureInfo.InvariantCulture, $"; {unknown} match no pool frame");
        return text + ". It may lack its annotation guide and job assignment: check it in CVAT" +
            (adopted == 0 ? ", and delete it there if nobody works on it (this warning repeats until then)" : "");
    }
}
