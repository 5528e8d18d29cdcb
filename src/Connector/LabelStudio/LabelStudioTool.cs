using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Elfs.Connector.LabelStudio.Api;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.LabelStudio;

/// <summary>One Label Studio project behind <see cref="ILabelingTool"/>; created by <see cref="LabelStudioToolFactory"/>.</summary>
internal sealed class LabelStudioTool : ILabelingTool, IDisposable
{
    private readonly HttpClient http;
    private readonly LabelStudioApi api;
    private readonly LabelStudioOptions options;
    private readonly LabelStudioPreflight preflight;
    private readonly LabelStudioImageReader images;
    private readonly LabelStudioPush push;
    private readonly ILogger logger;

    public LabelStudioTool(HttpClient http, ILabelStudioApi refit, LabelStudioOptions options, string prefix, ILogger logger)
    {
        this.http = http;
        this.options = options;
        this.logger = logger;
        api = new LabelStudioApi(refit, options, prefix, logger);
        preflight = new LabelStudioPreflight(api, options, prefix, logger);
        images = new LabelStudioImageReader(http, options, prefix, logger);
        push = new LabelStudioPush(api, preflight, options, logger);
    }

    public int ReadConcurrency => Http.ConnectorHttpOptions.ConnectionsPerServer;

    public async Task<ToolCheck> CheckAsync(CancellationToken cancellationToken)
    {
        var version = await api.GetVersionAsync(cancellationToken);
        var state = await preflight.InspectAsync(withVersions: true, cancellationToken);
        var p = state.Project;
        var tasks = p.TaskNumber is { } n ? $" ({n.ToString("N0", CultureInfo.InvariantCulture)} tasks)" : "";
        return new ToolCheck($"Label Studio {version?.Release ?? "(version unknown)"}, project {p.Id} '{p.Title}'{tasks}, images in data.{state.ImageKey}",
            state.ClassCount, state.Warnings);
    }

    public async IAsyncEnumerable<SourceItem> ListItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var state = await preflight.InspectAsync(withVersions: false, cancellationToken);
        var seen = new HashSet<long>();
        var withoutImage = 0;
        // Unlabeled tasks first (the filter the label stream uses), then labeled ones so the store knows them too.
        foreach (var labeled in new[] { false, true })
        {
            for (var page = 1; ; page++)
            {
                var tasks = await api.GetTasksPageAsync(labeled, page, cancellationToken);
                if (tasks is null) break;
                foreach (var task in tasks.Tasks)
                {
                    if (!seen.Add(task.Id)) continue;
                    var reference = ImageOf(task, state.ImageKey);
                    if (reference.Length == 0) withoutImage++;
                    yield return new SourceItem(task.Id.ToString(CultureInfo.InvariantCulture), reference, task.IsLabeled, task.UpdatedAt);
                }
                if (tasks.Tasks.Count == 0 || (long)page * options.PageSize >= tasks.Total) break;
            }
        }
        if (withoutImage > 0)
            logger.LogWarning("Label Studio project {Project}: {Count} tasks have no string data.{Key}; their images will be reported unavailable",
                options.ProjectId, withoutImage, state.ImageKey);
    }

    public Task<Stream> OpenImageAsync(SourceItem item, CancellationToken cancellationToken) => images.OpenAsync(item, cancellationToken);

    public Task<PushReceipt> PushAsync(RunId run, IReadOnlyList<Priority> queue, CancellationToken cancellationToken) =>
        push.PushAsync(run, queue, cancellationToken);

    public void Dispose() => http.Dispose();

    private static string ImageOf(LsTask task, string key) =>
        task.Data is not null && task.Data.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
