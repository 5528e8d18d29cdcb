using Elfs.Connector.Cvat.Api;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.Cvat;

/// <summary>
/// Assigns a batch task's annotation jobs, in frame order, to the configured usernames round robin
/// (<c>PATCH /api/jobs/{id}</c>); jobs already assigned as wanted are left alone, so a re-push changes nothing. The
/// usernames are resolved before a push makes anything, so a wrong one fails the run before a task exists.
/// </summary>
internal sealed class CvatJobAssigner(CvatApiClient api, ILogger logger)
{
    /// <summary>The user ids of <see cref="CvatOptions.Assignees"/>, in order; a missing one is an error naming the setting.</summary>
    public async Task<List<int>> ResolveAsync(CancellationToken cancellationToken)
    {
        var users = new List<int>();
        foreach (var name in api.Options.Assignees)
            users.Add(await UserIdAsync(name, cancellationToken) ?? throw new LabelingToolException(Missing(name)));
        return users;
    }

    /// <summary>The configured usernames no CVAT user visible to the token has (for the check).</summary>
    public async Task<List<string>> MissingAsync(CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var name in api.Options.Assignees)
            if (await UserIdAsync(name, cancellationToken) is null) missing.Add(Missing(name));
        return missing;
    }

    public async Task<int> AssignAsync(int taskId, IReadOnlyList<int> users, CancellationToken cancellationToken)
    {
        if (users.Count == 0) return 0;
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
        logger.LogInformation("Assigned {Changed} of {Jobs} jobs of CVAT task {TaskId} to {Users}", changed, jobs.Count, taskId,
            string.Join(", ", api.Options.Assignees));
        return changed;
    }

    private string Missing(string username) =>
        $"{api.Keys.Assignees}: no CVAT user '{username}' is visible to the token's user" +
        (string.IsNullOrEmpty(api.Options.Organization) ? "" : $" in organization '{api.Options.Organization}' ({api.Keys.Organization})") +
        "; list existing usernames";

    private async Task<int?> UserIdAsync(string username, CancellationToken cancellationToken)
    {
        await foreach (var user in api.ListAsync((page, size, ct) => api.Api.ListUsersAsync(username, page, size, ct), cancellationToken))
            if (string.Equals(user.Username, username, StringComparison.Ordinal)) return user.Id;
        return null;
    }
}
