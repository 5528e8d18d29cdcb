using System.Globalization;
using System.Net;
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
        var project = api.Options.AnnotationProjectId;
        await foreach (var task in api.ListAsync((page, size, ct) => api.Api.ListTasksAsync(project, CvatBatchName.Marker(run), "id", page, size, ct),
                           cancellationToken))
            if (CvatBatchName.IsOfRun(task.Name, run) && task.ProjectId == api.Options.AnnotationProjectId) found.Add(task);
        return found.OrderBy(t => t.Id).ToList();
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
