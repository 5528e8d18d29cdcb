using Elfs.Connector.Http;

namespace Elfs.Connector.Cvat;

/// <summary>
/// One CVAT project pair: the pool whose unlabeled frames are candidates (a project, or a list of tasks) and the
/// annotation project that receives one prioritized batch task per run. Bound from configuration (e.g. <c>Cvat</c>).
/// </summary>
public sealed class CvatOptions
{
    /// <summary>The CVAT server's base URL, e.g. <c>https://cvat.example.com</c> (no <c>/api</c>).</summary>
    public string Url { get; set; } = "";

    /// <summary>Name of the environment variable holding the API token (never the token itself).</summary>
    public string TokenEnv { get; set; } = "CVAT_TOKEN";

    /// <summary>Whether the token is a personal access token (Bearer, default) or a legacy key (Token).</summary>
    public CvatTokenKind TokenKind { get; set; } = CvatTokenKind.Bearer;

    /// <summary>Organization slug sent as <c>X-Organization</c> on every call; empty = none sent.</summary>
    public string? Organization { get; set; }

    /// <summary>Pool given as a project: every task of it is read. Exactly one of this and <see cref="TaskIds"/>.</summary>
    public int? ProjectId { get; set; }

    /// <summary>Pool given as a list of task ids. Exactly one of this and <see cref="ProjectId"/>.</summary>
    public List<int> TaskIds { get; set; } = [];

    /// <summary>The project in which each push creates its batch task (its labels apply).</summary>
    public int AnnotationProjectId { get; set; }

    /// <summary>Frames per job of a batch task; job 1 holds the highest-priority slice. Default 25.</summary>
    public int SegmentSize { get; set; } = 25;

    /// <summary>Usernames to which the batch task's jobs are assigned in order, round robin; empty = no assignment.</summary>
    public List<string> Assignees { get; set; } = [];

    /// <summary>
    /// Whether assigning the batch task's jobs is best effort: when it fails (a 403, a user removed meanwhile) the push
    /// warns and completes. Default false: a failed assignment fails the run (the task and its placement are kept).
    /// </summary>
    public bool AssignmentBestEffort { get; set; }

    /// <summary>How images reach the batch task. Default <see cref="CvatAttachMode.Auto"/>.</summary>
    public CvatAttachMode AttachMode { get; set; } = CvatAttachMode.Auto;

    /// <summary>JPEG quality CVAT uses for compressed chunks of the batch task (0..100). Default 70.</summary>
    public int ImageQuality { get; set; } = 70;

    /// <summary>Start of every batch task name; tasks so named are never read as pool tasks. Default <c>elfs</c>.</summary>
    public string TaskNamePrefix { get; set; } = "elfs";

    /// <summary>Items per page when listing tasks and jobs (CVAT has no maximum). Default 500.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Frames downloaded at once while re-uploading. Default 4.</summary>
    public int DownloadConcurrency { get; set; } = 4;

    /// <summary>Most files in one <c>Upload-Multiple</c> request. Default 100.</summary>
    public int UploadBatchFiles { get; set; } = 100;

    /// <summary>Most bytes in one <c>Upload-Multiple</c> request (CVAT's own client uses 100 MiB). Default 64 MiB.</summary>
    public long UploadBatchBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Pause between polls of a task-creation request. Default 2 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait for CVAT to finish creating a batch task's data. Default 30 min.</summary>
    public TimeSpan CreateTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Longest annotation guide (markdown characters) written with each item's reason. Default 60,000.</summary>
    public int GuideMaxChars { get; set; } = 60_000;

    /// <summary>Timeouts, retries, circuit breaker and image size limit.</summary>
    public ConnectorHttpOptions Http { get; set; } = new();

    /// <summary>Problems with these settings, each naming the key under <paramref name="prefix"/> and what is allowed.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return $"{prefix}:Url: '{Url}' must be an absolute http(s) URL of the CVAT server";
        else if (uri.AbsolutePath.TrimEnd('/').EndsWith("/api", StringComparison.OrdinalIgnoreCase))
            yield return $"{prefix}:Url: '{Url}' must be the server's base URL, without /api";
        if (string.IsNullOrWhiteSpace(TokenEnv))
            yield return $"{prefix}:TokenEnv: name the environment variable that holds the API token";
        if (!Enum.IsDefined(TokenKind)) yield return $"{prefix}:TokenKind: '{TokenKind}' is not Bearer or Token";
        if (ProjectId is null == (TaskIds.Count == 0))
            yield return $"{prefix}:ProjectId/{prefix}:TaskIds: set exactly one of them (the pool of unlabeled frames)";
        if (ProjectId is < 1) yield return $"{prefix}:ProjectId: {ProjectId} must be a positive project id";
        if (TaskIds.Any(t => t < 1)) yield return $"{prefix}:TaskIds: every task id must be positive";
        if (TaskIds.Distinct().Count() != TaskIds.Count) yield return $"{prefix}:TaskIds: a task id is listed twice";
        if (AnnotationProjectId < 1) yield return $"{prefix}:AnnotationProjectId: {AnnotationProjectId} must be a positive project id";
        if (SegmentSize < 1) yield return $"{prefix}:SegmentSize: {SegmentSize} must be at least 1";
        if (Assignees.Any(string.IsNullOrWhiteSpace)) yield return $"{prefix}:Assignees: an entry is empty; list usernames";
        if (!Enum.IsDefined(AttachMode)) yield return $"{prefix}:AttachMode: '{AttachMode}' is not Auto, Reference or Upload";
        if (ImageQuality is < 0 or > 100) yield return $"{prefix}:ImageQuality: {ImageQuality} is not in 0..100";
        if (string.IsNullOrWhiteSpace(TaskNamePrefix) || TaskNamePrefix.Length > 64 || TaskNamePrefix.Contains('['))
            yield return $"{prefix}:TaskNamePrefix: '{TaskNamePrefix}' must be 1-64 characters without '['";
        if (PageSize is < 1 or > 10_000) yield return $"{prefix}:PageSize: {PageSize} is not in 1..10000";
        if (DownloadConcurrency is < 1 or > 64) yield return $"{prefix}:DownloadConcurrency: {DownloadConcurrency} is not in 1..64";
        if (UploadBatchFiles is < 1 or > 10_000) yield return $"{prefix}:UploadBatchFiles: {UploadBatchFiles} is not in 1..10000";
        if (UploadBatchBytes < 1) yield return $"{prefix}:UploadBatchBytes: {UploadBatchBytes} must be positive";
        if (PollInterval <= TimeSpan.Zero) yield return $"{prefix}:PollInterval: {PollInterval} must be positive";
        if (CreateTimeout < PollInterval) yield return $"{prefix}:CreateTimeout: {CreateTimeout} must be at least PollInterval";
        if (GuideMaxChars < 0) yield return $"{prefix}:GuideMaxChars: {GuideMaxChars} must not be negative (0 = no guide)";
        foreach (var problem in Http.Validate($"{prefix}:Http")) yield return problem;
    }
}
