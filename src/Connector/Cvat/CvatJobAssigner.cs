using System.Globalization;
using Elfs.Connector.Cvat.Api;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.Cvat;

/// <summary>
/// Assigns a batch task's annotation jobs, in frame order, to the configured usernames round robin
/// (<c>PATCH /api/jobs/{id}</c>); jobs already assigned as wanted are left alone, so a re-push changes nothing.
/// </summary>
internal sealed class CvatJobAssigner(CvatApiClient api, ILogger logger)
{
    public async Task<int> AssignAsync(int taskId, CancellationToken cancellationToken)
    {
        var names = api.Options.Assignees;
        if (names.Count == 0) return 0;
        var users = new List<int>();
        foreach (var name in names) users.Add(await UserIdAsync(name, cancellationToken));

        var jobs = new List<CvatJob>();
        await foreach (var job in api.ListAsync((page, size, ct) => api.Api.ListJobsAsync(null, taskId, "annotation", null, "id", page, size, ct),
                           cancellationToken))
            if (job.Type == "annotation") jobs.Add(job);
        var changed = 0;
        foreach (var (job, index) in jobs.OrderBy(j => j.StartFrame).Select((j, i) => (j, i)))
        {
            var user = users[index % users.Count];
            if (job.Assignee?.Id == user) continue;
            await api.ReadAsync(api.Api.PatchJobAsync(job.Id, new CvatJobPatch { Assignee = user }, cancellationToken));
            changed++;
        }
        logger.LogInformation("Assigned {Changed} of {Jobs} jobs of CVAT task {TaskId} to {Users}", changed, jobs.Count, taskId, string.Join(", ", names));
        return changed;
    }

    private async Task<int> UserIdAsync(string username, CancellationToken cancellationToken)
    {
        await foreach (var user in api.ListAsync((page, size, ct) => api.Api.ListUsersAsync(username, page, size, ct), cancellationToken))
            if (string.Equals(user.Username, username, StringComparison.Ordinal)) return user.Id;
        throw new LabelingToolException($"{api.Keys.Assignees}: no CVAT user '{username}' is visible to the token's user" +
            (string.IsNullOrEmpty(api.Options.Organization) ? "" : $" in organization '{api.Options.Organization}' ({api.Keys.Organization})"));
    }
}
