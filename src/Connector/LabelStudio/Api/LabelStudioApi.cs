using System.Net;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Refit;

namespace Elfs.Connector.LabelStudio.Api;

/// <summary>
/// The Label Studio REST calls the connector makes, over the project's Refit <see cref="ILabelStudioApi"/> (auth and
/// resilience in its handler chain). Errors become <see cref="LabelingToolException"/>s naming the setting to check;
/// a GET whose body is malformed JSON is read again once.
/// </summary>
internal sealed class LabelStudioApi
{
    private static readonly LabelStudioJsonContext Json = LabelStudioJsonContext.Default;
    private readonly ILabelStudioApi api;
    private readonly LabelStudioOptions options;
    private readonly string prefix;
    private readonly ILogger logger;

    public LabelStudioApi(ILabelStudioApi api, LabelStudioOptions options, string prefix, ILogger logger)
    {
        this.api = api;
        this.options = options;
        this.prefix = prefix;
        this.logger = logger;
    }

    private int Project => options.ProjectId;

    public async Task<LsVersion?> GetVersionAsync(CancellationToken ct)
    {
        try { return await ReadAsync(() => api.GetVersionAsync(ct)); }
        catch (LabelingToolException e)
        {
            logger.LogDebug("GET /api/version/ failed ({Reason}); going on without the server version", e.Message);
            return null;
        }
    }

    public Task<LsProject> GetProjectAsync(CancellationToken ct) => ReadAsync(() => api.GetProjectAsync(Project, ct));

    public Task<LsProject> PatchProjectAsync(LsProjectPatch patch, CancellationToken ct) => ReadAsync(() => api.PatchProjectAsync(Project, patch, ct), get: false);

    /// <summary>One page of tasks with <c>is_labeled == labeled</c>, by id; null past the end (404).</summary>
    public Task<LsTaskPage?> GetTasksPageAsync(bool labeled, int page, CancellationToken ct)
    {
        var query = JsonSerializer.Serialize(LsTaskQuery.ByLabeled(labeled), Json.LsTaskQuery);
        return ReadOrNotFoundAsync(() => api.GetTasksAsync(Project, page, options.PageSize, "task_only", "false", query, ct));
    }

    /// <summary>Whether a task still exists (404 = deleted).</summary>
    public async Task<bool> TaskExistsAsync(long id, CancellationToken ct) => await ReadOrNotFoundAsync(() => api.GetTaskAsync(id, ct)) is not null;

    /// <summary>
    /// Imports predictions, once (not retried by the pipeline); a 400 (the whole request refused, nothing created) is
    /// returned, not thrown. A transient status is thrown as a request failure (inner <see cref="HttpRequestException"/>).
    /// </summary>
    public async Task<ImportOutcome> ImportPredictionsAsync(List<LsPredictionImport> items, CancellationToken ct)
    {
        using var response = await Received(await api.ImportPredictionsAsync(Project, items, noRetry: true, ct));
        if (response.StatusCode == HttpStatusCode.BadRequest) return new ImportOutcome(null, ApiJson.Detail((response.Error as ApiException)?.Content ?? ""));
        if (response.StatusCode is { } status && Elfs.Connector.Http.ConnectorRequest.IsTransient(status))
        {
            var error = Error(response);
            var wait = Elfs.Connector.Http.RetryAfterWait.Of(response.Headers?.RetryAfter, options.Http.MaxDelay);
            throw new LabelingToolException(error.Message, new Elfs.Connector.Http.TransientStatusException(error.Message, status, wait));
        }
        if (!response.IsSuccessStatusCode) throw Error(response);
        if (response.Error is { } bad) throw new LabelingToolException(Malformed(response, bad).Message, bad);
        return new ImportOutcome(response.Content!.Created, null);
    }

    /// <summary>Prediction counts per model version (<c>GET /api/projects/{id}/model-versions/</c>).</summary>
    public Task<Dictionary<string, int>> GetModelVersionsAsync(CancellationToken ct) => ReadAsync(() => api.GetModelVersionsAsync(Project, ct));

    /// <summary>Deletes every prediction of <paramref name="version"/>; returns how many.</summary>
    public async Task<int> DeleteModelVersionAsync(string version, CancellationToken ct) =>
        (await ReadAsync(() => api.DeleteModelVersionAsync(Project, new LsModelVersionDelete(version), ct), get: false)).DeletedPredictions;

    /// <summary>Every prediction of the project (unpaginated; used only to reconcile a resumed or short push).</summary>
    public Task<List<LsPrediction>> ListPredictionsAsync(CancellationToken ct) => ReadAsync(() => api.ListPredictionsAsync(Project, ct));

    public async Task DeletePredictionAsync(long id, CancellationToken ct)
    {
        using var response = await Received(await api.DeletePredictionAsync(id, ct));
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound) throw Error(response);
    }

    private async Task<T> ReadAsync<T>(Func<Task<IApiResponse<T>>> call, bool get = true) where T : class =>
        await ReadOrNotFoundAsync(call, get, notFoundIsNull: false) ?? throw new InvalidOperationException("unreachable");

    private async Task<T?> ReadOrNotFoundAsync<T>(Func<Task<IApiResponse<T>>> call, bool get = true, bool notFoundIsNull = true) where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await Received(await call());
            if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound) return null;
            if (!response.IsSuccessStatusCode) throw Error(response);
            if (response.Error is null && response.Content is not null) return response.Content;
            var malformed = Malformed(response, response.Error);
            if (get && attempt == 0)
            {
                logger.LogWarning("{Request}: malformed JSON ({Reason}); reading it once more", What(response), malformed.InnerException?.Message);
                continue;
            }
            throw new LabelingToolException(malformed.Message, malformed);
        }
    }

    /// <summary>The answer, or the connection failure, timeout or stopped run that kept one from arriving, thrown as it came.</summary>
    private static Task<T> Received<T>(T response) where T : IApiResponse
    {
        if (response.HasRequestError(out var failed)) ExceptionDispatchInfo.Throw(failed.InnerException ?? failed);
        return Task.FromResult(response);
    }

    private static MalformedJsonException Malformed(IApiResponse response, Exception? error) =>
        new($"Label Studio answered {What(response)} (HTTP {(int)(response.StatusCode ?? default)}) with a body that is not the expected JSON " +
            $"({error?.InnerException?.Message ?? error?.Message ?? "the body is JSON null"}); check that the URL is a Label Studio server " +
            "and that no proxy rewrites its answers", error ?? new JsonException("the body is JSON null"));

    private static string What(IApiResponse response) =>
        $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}";

    private LabelingToolException Error(IApiResponse response)
    {
        var detail = ApiJson.Detail((response.Error as ApiException)?.Content ?? "");
        var status = $"HTTP {(int)(response.StatusCode ?? default)}";
        var what = What(response);
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new LabelingToolException(
                $"{prefix}:TokenEnv: Label Studio at {options.Url} refused the API token in the environment variable {options.TokenEnv} " +
                $"({status} to {what}: {detail}); export a valid legacy token or personal access token (Account & Settings)"),
            HttpStatusCode.Forbidden => new LabelingToolException(
                $"{prefix}:TokenEnv: the user of the token in {options.TokenEnv} may not do {what} ({status}: {detail}); " +
                $"give that user access to project {options.ProjectId}"),
            HttpStatusCode.NotFound when what.Contains($"/api/projects/{Project}/", StringComparison.Ordinal) => new LabelingToolException(
                $"{prefix}:ProjectId: Label Studio at {options.Url} has no project {options.ProjectId} visible to this token ({status} to {what}: {detail})"),
            _ => new LabelingToolException($"Label Studio at {options.Url} answered {what} with {status}: {detail}"),
        };
    }
}
