using System.Globalization;
using System.Net;
using Elfs.Connector.Cvat.Api;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.Cvat;

/// <summary>
/// Waits for a task-creation request (<c>GET /api/requests/{rq_id}</c>, id URL-encoded) to finish. A failed request
/// surfaces CVAT's message; a 404 (finished records expire after ~500 s) falls back to the task itself.
/// </summary>
internal sealed class CvatRequestWaiter(CvatApiClient api, ILogger logger)
{
    /// <summary>Null when the task's data was created; else CVAT's failure message.</summary>
    public async Task<string?> WaitAsync(string rqId, int taskId, CancellationToken cancellationToken)
    {
        var options = api.Options;
        var deadline = DateTimeOffset.UtcNow + options.CreateTimeout;
        while (true)
        {
            var (answer, found) = await api.AnswerAsync(api.Api.GetRequestAsync(rqId, cancellationToken));
            api.Ensure(answer, HttpStatusCode.NotFound);
            if (answer.Status == HttpStatusCode.NotFound || found is null)
                return await HasDataAsync(taskId, cancellationToken) ? null
                    : "CVAT no longer knows the creation request and the task has no data; the request was lost or expired";
            var request = found;
            switch (request.Status)
            {
                case "finished": return null;
                case "failed": return string.IsNullOrWhiteSpace(request.Message) ? "CVAT reported the request failed, without a message" : request.Message.Trim();
            }
            logger.LogDebug("CVAT request {RqId} is {Status} ({Progress:P0})", rqId, request.Status, request.Progress ?? 0);
            if (DateTimeOffset.UtcNow > deadline)
                throw new LabelingToolException(
                    $"CVAT did not finish creating the data of task {taskId} within {api.Keys.Key("CreateTimeout")} ({options.CreateTimeout}); it is still {request.Status}");
            await Task.Delay(options.PollInterval, cancellationToken);
        }
    }

    /// <summary>The newest creation request of a task that is still queued or running, if any.</summary>
    public async Task<CvatRequest?> FindRunningAsync(int taskId, CancellationToken cancellationToken)
    {
        await foreach (var request in api.ListAsync((page, size, ct) => api.Api.ListRequestsAsync(taskId, "create", page, size, ct), cancellationToken))
            if (request.Status is "queued" or "started") return request;
        return null;
    }

    public async Task<bool> HasDataAsync(int taskId, CancellationToken cancellationToken)
    {
        var task = await api.ReadAsync(api.Api.GetTaskAsync(taskId, cancellationToken));
        return task.Size is > 0;
    }
}
