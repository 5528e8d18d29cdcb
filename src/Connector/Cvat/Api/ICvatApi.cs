using Refit;

namespace Elfs.Connector.Cvat.Api;

/// <summary>
/// The CVAT 2.x JSON endpoints the connector calls (paths exactly as <c>schema.yml</c> has them: no trailing slash but
/// <c>/data/</c>). Every call answers <see cref="IApiResponse{T}"/>: <see cref="CvatApiClient"/> turns statuses into
/// data (404, 409, "Adding more data is not supported") or into errors naming the setting to check. Lists are paged
/// by hand (<see cref="CvatApiClient.ListAsync{T}"/>) because <c>next</c> may name an internal host.
/// </summary>
internal interface ICvatApi
{
    [Get("/api/server/about")]
    Task<IApiResponse<CvatAbout>> GetAboutAsync(CancellationToken cancellationToken);

    [Get("/api/users/self")]
    Task<IApiResponse<CvatUser>> GetSelfAsync(CancellationToken cancellationToken);

    [Get("/api/users")]
    Task<IApiResponse<CvatPage<CvatUser>>> ListUsersAsync(string username, int page, [AliasAs("page_size")] int pageSize,
        CancellationToken cancellationToken);

    [Get("/api/projects/{id}")]
    Task<IApiResponse<CvatProject>> GetProjectAsync(int id, CancellationToken cancellationToken);

    [Get("/api/tasks/{id}")]
    Task<IApiResponse<CvatTask>> GetTaskAsync(int id, CancellationToken cancellationToken);

    [Get("/api/tasks")]
    Task<IApiResponse<CvatPage<CvatTask>>> ListTasksAsync([AliasAs("project_id")] int projectId, string? search, string sort, int page,
        [AliasAs("page_size")] int pageSize, CancellationToken cancellationToken);

    [Post("/api/tasks")]
    Task<IApiResponse<CvatTask>> CreateTaskAsync([Body] CvatTaskWrite task, CancellationToken cancellationToken);

    [Delete("/api/tasks/{id}")]
    Task<IApiResponse<string>> DeleteTaskAsync(int id, CancellationToken cancellationToken);

    [Get("/api/tasks/{id}/data/meta")]
    Task<IApiResponse<CvatDataMeta>> GetDataMetaAsync(int id, CancellationToken cancellationToken);

    /// <summary>Attaches data by reference (one request naming share or cloud files): 202 with the request id.</summary>
    [Post("/api/tasks/{id}/data/")]
    Task<IApiResponse<string>> AttachDataAsync(int id, [Body] CvatDataWrite data, CancellationToken cancellationToken);

    /// <summary>Opens a re-upload (<c>Upload-Start</c>): 202 with an empty body.</summary>
    [Post("/api/tasks/{id}/data/")]
    [Headers("Upload-Start: true")]
    Task<IApiResponse<string>> StartUploadAsync(int id, [Body] CvatDataWrite data, CancellationToken cancellationToken);

    /// <summary>Ends a re-upload (<c>Upload-Finish</c>, with <c>upload_file_order</c>): 202 with the request id.</summary>
    [Post("/api/tasks/{id}/data/")]
    [Headers("Upload-Finish: true")]
    Task<IApiResponse<string>> FinishUploadAsync(int id, [Body] CvatDataWrite data, CancellationToken cancellationToken);

    /// <summary>A background request's state; <paramref name="id"/> is URL-encoded (it holds <c>=</c> and <c>&amp;</c>).</summary>
    [Get("/api/requests/{id}")]
    Task<IApiResponse<CvatRequest>> GetRequestAsync(string id, CancellationToken cancellationToken);

    [Get("/api/requests")]
    Task<IApiResponse<CvatPage<CvatRequest>>> ListRequestsAsync([AliasAs("task_id")] int taskId, string action, int page,
        [AliasAs("page_size")] int pageSize, CancellationToken cancellationToken);

    [Get("/api/labels")]
    Task<IApiResponse<CvatPage<CvatLabel>>> ListLabelsAsync([AliasAs("project_id")] int projectId, int page, [AliasAs("page_size")] int pageSize,
        CancellationToken cancellationToken);

    [Get("/api/jobs")]
    Task<IApiResponse<CvatPage<CvatJob>>> ListJobsAsync([AliasAs("project_id")] int? projectId, [AliasAs("task_id")] int? taskId, string type,
        string? state, string sort, int page, [AliasAs("page_size")] int pageSize, CancellationToken cancellationToken);

    [Patch("/api/jobs/{id}")]
    Task<IApiResponse<CvatJob>> PatchJobAsync(int id, [Body] CvatJobPatch patch, CancellationToken cancellationToken);

    [Post("/api/guides")]
    Task<IApiResponse<string>> CreateGuideAsync([Body] CvatGuideWrite guide, CancellationToken cancellationToken);
}
