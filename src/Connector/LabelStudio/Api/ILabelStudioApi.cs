using Refit;

namespace Elfs.Connector.LabelStudio.Api;

/// <summary>
/// The Label Studio 1.22 JSON endpoints the connector calls (trailing slashes as the server routes them). Every call
/// answers <see cref="IApiResponse{T}"/>; <see cref="LabelStudioApi"/> turns the statuses that are data (404 past the
/// last page or for a deleted task, 400 from an import) into results and the others into errors naming the setting.
/// </summary>
internal interface ILabelStudioApi
{
    [Get("/api/version/")]
    Task<IApiResponse<LsVersion>> GetVersionAsync(CancellationToken cancellationToken);

    [Get("/api/projects/{id}/")]
    Task<IApiResponse<LsProject>> GetProjectAsync(int id, CancellationToken cancellationToken);

    [Patch("/api/projects/{id}/")]
    Task<IApiResponse<LsProject>> PatchProjectAsync(int id, [Body] LsProjectPatch patch, CancellationToken cancellationToken);

    /// <summary>One page of a project's tasks; <paramref name="query"/> is the Data Manager query (JSON).</summary>
    [Get("/api/tasks/")]
    Task<IApiResponse<LsTaskPage>> GetTasksAsync(int project, int page, [AliasAs("page_size")] int pageSize, string fields,
        [AliasAs("resolve_uri")] string resolveUri, string query, CancellationToken cancellationToken);

    [Get("/api/tasks/{id}/")]
    Task<IApiResponse<LsTask>> GetTaskAsync(long id, CancellationToken cancellationToken);

    /// <summary>Not idempotent: sent with <paramref name="noRetry"/> so the caller reconciles before sending again.</summary>
    [Post("/api/projects/{id}/import/predictions")]
    Task<IApiResponse<LsImportResult>> ImportPredictionsAsync(int id, [Body] List<LsPredictionImport> items,
        [Property(Elfs.Connector.Http.ConnectorRequest.NoRetryKey)] bool noRetry, CancellationToken cancellationToken);

    [Get("/api/projects/{id}/model-versions/")]
    Task<IApiResponse<Dictionary<string, int>>> GetModelVersionsAsync(int id, CancellationToken cancellationToken);

    [Delete("/api/projects/{id}/model-versions/")]
    Task<IApiResponse<LsDeleted>> DeleteModelVersionAsync(int id, [Body] LsModelVersionDelete version, CancellationToken cancellationToken);

    [Get("/api/predictions/")]
    Task<IApiResponse<List<LsPrediction>>> ListPredictionsAsync(int project, CancellationToken cancellationToken);

    [Delete("/api/predictions/{id}/")]
    Task<IApiResponse<string>> DeletePredictionAsync(long id, CancellationToken cancellationToken);
}
