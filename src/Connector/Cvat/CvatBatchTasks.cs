using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Elfs.Connector.Cvat.Api;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.Cvat;

/// <summary>Finds, creates and removes a run's batch task in the annotation project, keeping at most one per run.</summary>
internal sealed class CvatBatchTasks(CvatApiClient api, ILogger logger)
{
    /// <summary>The run's batch tasks, oldest first (normally none or one).</summary>
    public async Task<List<CvatTask>> FindAsync(RunId run, CancellationToken cancellationToken)
    {
        var found = new List<CvatTask>();
        await foreach (var task in ListAsync(CvatBatchName.Marker(run), cancellationToken))
            if (CvatBatchName.IsOfRun(task.Name, run)) found.Add(task);
        return found;
    }

    /// <summary>Every batch task in the annotation project marked with a run other than <paramref name="run"/>, oldest first.</summary>
    public async Task<List<(CvatTask Task, RunId Run)>> OfOtherRunsAsync(RunId run, CancellationToken cancellationToken)
    {
        var found = new List<(CvatTask, RunId)>();
        await foreach (var task in ListAsync(CvatBatchName.MarkerStart, cancellationToken))
            if (CvatBatchName.IsBatch(api.Options.TaskNamePrefix, task.Name) && CvatBatchName.TryRunOf(task.Name, out var owner) && owner != run)
                found.Add((task, owner));
        return found;
    }

    /// <summary>The names of a task's frames, in frame order.</summary>
    public async Task<List<string>> FrameNamesAsync(int taskId, CancellationToken cancellationToken)
    {
        var meta = await api.ReadAsync(api.Api.GetDataMetaAsync(taskId, cancellationToken));
        return (meta.Frames ?? []).Select(f => f.Name).ToList();
    }

    /// <summary>Tasks of the annotation project whose name contains <paramref name="search"/>, by id.</summary>
    private async IAsyncEnumerable<CvatTask> ListAsync(string search, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var project = api.Options.AnnotationProjectId;
        var tasks = new List<CvatTask>();
        await foreach (var task in api.ListAsync((page, size, ct) => api.Api.ListTasksAsync(project, search, "id", page, size, ct), cancellationToken))
            if (task.ProjectId == project) tasks.Add(task);
        foreach (var task in tasks.OrderBy(t => t.Id)) yield return task;
    }

    /// <summary>Creates the run's task; if a retried create made two, keeps the oldest and deletes the rest.</summary>
    public async Task<CvatTask> CreateAsync(RunId run, int frames, CancellationToken cancellationToken)
    {
        var options = api.Options;
        var body = new CvatTaskWrite
        {
            Name = CvatBatchName.Format(options.TaskNamePrefix, run, DateTimeOffset.UtcNow, frames),
            ProjectId = options.AnnotationProjectId,
            SegmentSize = options.SegmentSize,
        };
        var created = await api.ReadAsync(api.Api.CreateTaskAsync(body, cancellationToken));
        logger.LogInformation("Created CVAT batch task {TaskId} '{Name}'", created.Id, created.Name);
        var all = await FindAsync(run, cancellationToken);
        if (all.Count <= 1) return created;
        foreach (var extra in all.Skip(1)) await DeleteAsync(extra.Id, "a duplicate from a retried create", cancellationToken);
        return all[0];
    }

    public async Task DeleteAsync(int taskId, string why, CancellationToken cancellationToken)
    {
        logger.LogWarning("Deleting CVAT batch task {TaskId}: {Why}", taskId, why);
        api.Ensure((await api.AnswerAsync(api.Api.DeleteTaskAsync(taskId, cancellationToken))).Answer, HttpStatusCode.NotFound);
    }
}
