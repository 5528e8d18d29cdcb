using System.Globalization;
using System.Runtime.CompilerServices;
using Elfs.Connector.Cvat.Api;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.Cvat;

/// <summary>
/// Lists the pool's frames: tasks of the pool (our own batch tasks skipped), each task's data meta (frame names,
/// deleted frames) and its completed annotation jobs. A frame is labeled when a completed annotation job covers it
/// (ground-truth and consensus jobs are ignored) or when one of our batch tasks already holds it (the ledger).
/// </summary>
internal sealed class CvatPoolReader(CvatApiClient api, ICvatPlacementLedger ledger, ILogger logger)
{
    private const int MetaPrefetch = 4;

    public async IAsyncEnumerable<SourceItem> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = api.Options;
        var placed = await ledger.GetPlacedItemsAsync(cancellationToken);
        var tasks = new List<CvatTask>();
        await foreach (var task in PoolTasksAsync(cancellationToken))
        {
            if (CvatBatchName.IsBatch(options.TaskNamePrefix, task.Name)) continue;
            if (task.Size is null or 0)
            {
                logger.LogInformation("CVAT task {TaskId} has no data yet; skipped", task.Id);
                continue;
            }
            tasks.Add(task);
        }
        var completed = await CompletedJobsAsync(tasks, cancellationToken);

        // Data meta is fetched a few tasks ahead so the next task's answer is ready while this one's items are consumed.
        var pending = new Queue<(CvatTask Task, Task<CvatDataMeta> Meta)>();
        var next = 0;
        while (next < tasks.Count || pending.Count > 0)
        {
            while (next < tasks.Count && pending.Count < MetaPrefetch)
            {
                var task = tasks[next++];
                pending.Enqueue((task, api.ReadAsync(api.Api.GetDataMetaAsync(task.Id, cancellationToken))));
            }
            var (current, metaTask) = pending.Dequeue();
            var meta = await metaTask;
            completed.TryGetValue(current.Id, out var ranges);
            foreach (var item in Items(current, meta, ranges ?? [], placed)) yield return item;
        }
    }

    private IEnumerable<SourceItem> Items(CvatTask task, CvatDataMeta meta, List<(int Start, int Stop)> done,
        IReadOnlyDictionary<string, RunId> placed)
    {
        var frames = meta.Frames ?? [];
        var size = meta.Size ?? task.Size ?? frames.Count;
        var deleted = new HashSet<int>(meta.DeletedFrames ?? []);
        var video = frames.Count == 1 && size > 1;
        if (!video && frames.Count < size)
            logger.LogWarning("CVAT task {TaskId}: data meta lists {Frames} frames for size {Size}; the rest are skipped", task.Id, frames.Count, size);
        var count = video ? size : Math.Min(size, frames.Count);
        var labeled = new bool[count];
        foreach (var (start, stop) in done)
            for (var f = Math.Max(start, 0); f <= Math.Min(stop, count - 1); f++) labeled[f] = true;
        for (var frame = 0; frame < count; frame++)
        {
            if (deleted.Contains(frame)) continue;
            var id = new CvatItemId(task.Id, frame).ToString();
            var name = video ? string.Create(CultureInfo.InvariantCulture, $"{frames[0].Name}#{frame}") : frames[frame].Name;
            yield return new SourceItem(id, name, labeled[frame] || placed.ContainsKey(id), task.UpdatedDate);
        }
    }

    private IAsyncEnumerable<CvatTask> PoolTasksAsync(CancellationToken cancellationToken)
    {
        var options = api.Options;
        if (options.ProjectId is { } project)
            return api.ListAsync((page, size, ct) => api.Api.ListTasksAsync(project, null, "id", page, size, ct), cancellationToken);
        return ListedTasksAsync(options.TaskIds, cancellationToken);
    }

    private async IAsyncEnumerable<CvatTask> ListedTasksAsync(List<int> ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var id in ids.Order())
            yield return await api.ReadAsync(api.Api.GetTaskAsync(id, cancellationToken));
    }

    private async Task<Dictionary<int, List<(int Start, int Stop)>>> CompletedJobsAsync(List<CvatTask> tasks, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, List<(int, int)>>();
        IEnumerable<(int? Project, int? Task)> queries = api.Options.ProjectId is { } project
            ? [(project, null)]
            : tasks.Where(t => t.Jobs is null || t.Jobs.Completed > 0).Select(t => ((int?)null, (int?)t.Id));
        foreach (var (projectId, taskId) in queries)
            await foreach (var job in api.ListAsync(
                               (page, size, ct) => api.Api.ListJobsAsync(projectId, taskId, "annotation", "completed", "id", page, size, ct), cancellationToken))
            {
                // The server filters already; checked again so a server ignoring a filter cannot mark frames labeled.
                if (job.Type != "annotation" || job.State != "completed") continue;
                if (!result.TryGetValue(job.TaskId, out var ranges)) result[job.TaskId] = ranges = [];
                ranges.Add((job.StartFrame, job.StopFrame));
            }
        return result;
    }
}
