using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.LabelStudio.Api;

/// <summary>
/// The Label Studio REST calls the connector makes, over a client whose handlers add auth and retries. Errors become
/// <see cref="LabelingToolException"/>s naming the setting to check; a GET whose body is malformed JSON is read again once.
/// </summary>
internal sealed class LabelStudioApi
{
    private static readonly LabelStudioJsonContext Json = LabelStudioJsonContext.Default;
    private readonly HttpClient http;
    private readonly LabelStudioOptions options;
    private readonly string prefix;
    private readonly ILogger logger;

    public LabelStudioApi(HttpClient http, LabelStudioOptions options, string prefix, ILogger logger)
    {
        this.http = http;
        this.options = options;
        this.prefix = prefix;
        this.logger = logger;
    }

    private string Project => $"api/projects/{options.ProjectId}";

    public async Task<LsVersion?> GetVersionAsync(CancellationToken ct)
    {
        try { return await SendAsync(HttpMethod.Get, "api/version/", null, Json.LsVersion, ct); }
        catch (LabelingToolException e)
        {
            logger.LogDebug("GET /api/version/ failed ({Reason}); going on without the server version", e.Message);
            return null;
        }
    }

    public Task<LsProject> GetProjectAsync(CancellationToken ct) => SendAsync(HttpMethod.Get, $"{Project}/", null, Json.LsProject, ct);

    public Task<LsProject> PatchProjectAsync(LsProjectPatch patch, CancellationToken ct) =>
        SendAsync(HttpMethod.Patch, $"{Project}/", JsonContent.Create(patch, Json.LsProjectPatch), Json.LsProject, ct);

    /// <summary>One page of tasks with <c>is_labeled == labeled</c>, by id; null past the end (404).</summary>
    public Task<LsTaskPage?> GetTasksPageAsync(bool labeled, int page, CancellationToken ct)
    {
        var query = Uri.EscapeDataString(JsonSerializer.Serialize(LsTaskQuery.ByLabeled(labeled), Json.LsTaskQuery));
        var path = $"api/tasks/?project={options.ProjectId}&page={page}&page_size={options.PageSize}&fields=task_only&resolve_uri=false&query={query}";
        return SendOrNotFoundAsync(HttpMethod.Get, path, null, Json.LsTaskPage, ct);
    }

    /// <summary>Whether a task still exists (404 = deleted).</summary>
    public async Task<bool> TaskExistsAsync(long id, CancellationToken ct) =>
        await SendOrNotFoundAsync(HttpMethod.Get, $"api/tasks/{id}/", null, Json.LsTask, ct) is not null;

    /// <summary>Imports predictions; a 400 (the whole request refused, nothing created) is returned, not thrown.</summary>
    public async Task<ImportOutcome> ImportPredictionsAsync(List<LsPredictionImport> items, CancellationToken ct)
    {
        var what = $"POST /{Project}/import/predictions";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Project}/import/predictions")
        {
            Content = JsonContent.Create(items, Json.ListLsPredictionImport),
        };
        await request.Content.LoadIntoBufferAsync(ct);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.BadRequest)
            return new ImportOutcome(null, ApiJson.Detail(await response.Content.ReadAsStringAsync(ct)));
        if (!response.IsSuccessStatusCode) throw await ErrorAsync(response, what, ct);
        try { return new ImportOutcome((await ApiJson.ReadAsync(response, Json.LsImportResult, what, ct)).Created, null); }
        catch (MalformedJsonException e) { throw new LabelingToolException(e.Message, e); }
    }

    /// <summary>Prediction counts per model version (<c>GET /api/projects/{id}/model-versions/</c>).</summary>
    public Task<Dictionary<string, int>> GetModelVersionsAsync(CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"{Project}/model-versions/", null, Json.DictionaryStringInt32, ct);

    /// <summary>Deletes every prediction of <paramref name="version"/>; returns how many.</summary>
    public async Task<int> DeleteModelVersionAsync(string version, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Delete, $"{Project}/model-versions/",
            JsonContent.Create(new LsModelVersionDelete(version), Json.LsModelVersionDelete), Json.LsDeleted, ct)).DeletedPredictions;

    /// <summary>Every prediction of the project (unpaginated; used only to reconcile a resumed or short push).</summary>
    public Task<List<LsPrediction>> ListPredictionsAsync(CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"api/predictions/?project={options.ProjectId}", null, Json.ListLsPrediction, ct);

    public async Task DeletePredictionAsync(long id, CancellationToken ct)
    {
        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"api/predictions/{id}/"), ct);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
            throw await ErrorAsync(response, $"DELETE /api/predictions/{id}/", ct);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> type, CancellationToken ct) where T : class =>
        await SendOrNotFoundAsync(method, path, content, type, ct, notFoundIsNull: false) ?? throw new InvalidOperationException("unreachable");

    private async Task<T?> SendOrNotFoundAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> type,
        CancellationToken ct, bool notFoundIsNull = true) where T : class
    {
        var what = $"{method} /{Describe(path)}";
        if (content is not null) await content.LoadIntoBufferAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            using var response = await http.SendAsync(request, ct);
            if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound) return null;
            if (!response.IsSuccessStatusCode) throw await ErrorAsync(response, what, ct);
            try { return await ApiJson.ReadAsync(response, type, what, ct); }
            catch (MalformedJsonException e) when (method == HttpMethod.Get && attempt == 0)
            {
                logger.LogWarning("{Request}: malformed JSON ({Reason}); reading it once more", what, e.InnerException?.Message);
            }
            catch (MalformedJsonException e)
            {
                throw new LabelingToolException(e.Message, e);
            }
        }
    }

    private async Task<LabelingToolException> ErrorAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var detail = ApiJson.Detail(await response.Content.ReadAsStringAsync(ct));
        var status = $"HTTP {(int)response.StatusCode}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new LabelingToolException(
                $"{prefix}:TokenEnv: Label Studio at {options.Url} refused the API token in the environment variable {options.TokenEnv} " +
                $"({status} to {what}: {detail}); export a valid legacy token or personal access token (Account & Settings)"),
            HttpStatusCode.Forbidden => new LabelingToolException(
                $"{prefix}:TokenEnv: the user of the token in {options.TokenEnv} may not do {what} ({status}: {detail}); " +
                $"give that user access to project {options.ProjectId}"),
            HttpStatusCode.NotFound when what.Contains($"/{Project}/", StringComparison.Ordinal) => new LabelingToolException(
                $"{prefix}:ProjectId: Label Studio at {options.Url} has no project {options.ProjectId} visible to this token ({status} to {what}: {detail})"),
            _ => new LabelingToolException($"Label Studio at {options.Url} answered {what} with {status}: {detail}"),
        };
    }

    private static string Describe(string path)
    {
        var query = path.IndexOf('?');
        return query < 0 ? path : path[..query];
    }
}
