using System.Globalization;
using System.Net;
using Elfs.Connector.Cvat.Api;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.Cvat;

/// <summary>
/// CVAT behind <see cref="ILabelingTool"/>: items are the pool's frames (<c>"task:frame"</c>), images their original
/// bytes, and a push one prioritized batch task per run in the annotation project.
/// </summary>
internal sealed class CvatLabelingTool : ILabelingTool
{
    private const string TestedMinor = "2.64";
    private readonly CvatApiClient api;
    private readonly CvatPoolReader reader;
    private readonly CvatFrameSource frames;
    private readonly CvatBatchPusher pusher;
    private readonly ILogger logger;

    public CvatLabelingTool(CvatApiClient api, ICvatPlacementLedger ledger, ILogger logger)
    {
        this.api = api;
        this.logger = logger;
        reader = new CvatPoolReader(api, ledger, logger);
        frames = new CvatFrameSource(api);
        pusher = new CvatBatchPusher(api, frames, reader, ledger, logger);
    }

    public int ReadConcurrency => Http.ConnectorHttpOptions.ConnectionsPerServer;

    public async Task<ToolCheck> CheckAsync(CancellationToken cancellationToken)
    {
        var options = api.Options;
        var warnings = new List<string>();
        var about = await api.ReadAsync(api.Api.GetAboutAsync(cancellationToken));
        if (!about.Version.StartsWith(TestedMinor + ".", StringComparison.Ordinal) && about.Version != TestedMinor)
            warnings.Add($"CVAT {about.Version} is not the tested {TestedMinor}.x; check that batch tasks are made as expected");
        if (options.TokenKind == CvatTokenKind.Token)
            warnings.Add($"{api.Keys.TokenKind} is Token (a deprecated legacy key); create a personal access token and use Bearer");
        var user = await api.ReadAsync(api.Api.GetSelfAsync(cancellationToken));
        var target = await api.ReadAsync(api.Api.GetProjectAsync(options.AnnotationProjectId, cancellationToken));
        if (OrganizationMissing(target, api.Keys.AnnotationProjectId) is { } targetProblem) warnings.Add(targetProblem);
        warnings.AddRange(await new CvatJobAssigner(api, logger).MissingAsync(cancellationToken));
        string pool;
        if (options.ProjectId is { } poolId)
        {
            var project = await api.ReadAsync(api.Api.GetProjectAsync(poolId, cancellationToken));
            pool = $"pool project {project.Id} '{project.Name}'";
            if (OrganizationMissing(project, api.Keys.PoolProject) is { } poolProblem) warnings.Add(poolProblem);
            if (poolId == options.AnnotationProjectId)
                warnings.Add($"{api.Keys.PoolProject} equals AnnotationProjectId: batch tasks copy pool frames into the same project, " +
                    "so exports hold them twice; keep the pool in a separate project");
        }
        else
        {
            foreach (var id in options.TaskIds)
            {
                var (answer, _) = await api.AnswerAsync(api.Api.GetTaskAsync(id, cancellationToken));
                if (answer.Status == HttpStatusCode.NotFound) warnings.Add($"{api.Keys.PoolTaskIds}: task {id} does not exist or is not visible");
                else api.Ensure(answer);
            }
            pool = $"pool of {options.TaskIds.Count} tasks";
        }
        var labels = 0;
        await foreach (var label in api.ListAsync((page, size, ct) => api.Api.ListLabelsAsync(target.Id, page, size, ct), cancellationToken))
            if (label.ParentId is null) labels++;
        if (labels == 0) warnings.Add($"annotation project {target.Id} has no labels; add them in CVAT before pushing");
        var description = $"CVAT {about.Version} as '{user.Username}'" +
            (string.IsNullOrEmpty(options.Organization) ? "" : $" in organization '{options.Organization}'") +
            $", {pool}, batch tasks into project {target.Id} '{target.Name}'";
        return new ToolCheck(description, labels == 0 ? null : labels, warnings);
    }

    /// <summary>
    /// Without <c>X-Organization</c> CVAT shows an organization's projects too, yet refuses to create a task in them
    /// ("same organization"): a project owned by an organization needs <see cref="CvatOptions.Organization"/>.
    /// </summary>
    private string? OrganizationMissing(CvatProject project, string key) =>
        project.OrganizationId is not null && string.IsNullOrEmpty(api.Options.Organization)
            ? $"{key}: project {project.Id} '{project.Name}' belongs to an organization (id {project.OrganizationId}), but {api.Keys.Organization} " +
              "is not set: CVAT refuses to create batch tasks there; set it to the organization's slug"
            : null;

    public IAsyncEnumerable<SourceItem> ListItemsAsync(CancellationToken cancellationToken) => reader.ListAsync(cancellationToken);

    public async Task<Stream> OpenImageAsync(SourceItem item, CancellationToken cancellationToken)
    {
        if (!CvatItemId.TryParse(item.ExternalId, out var id))
            throw new ItemUnavailableException(item.ExternalId, "not a CVAT item id; expected \"task:frame\"");
        return new MemoryStream(await frames.ReadAsync(id, cancellationToken), writable: false);
    }

    public Task<PushReceipt> PushAsync(RunId run, IReadOnlyList<Priority> queue, CancellationToken cancellationToken) =>
        pusher.PushAsync(run, queue, cancellationToken);

}
