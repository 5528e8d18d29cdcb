using System.Globalization;
using System.Text.Json;
using Elfs.Host.Runs;
using Elfs.Host.Storage;

namespace Elfs.Host.Status;

/// <summary>Turns stored runs into <see cref="RunView"/>s.</summary>
public static class RunViews
{
    /// <summary>The view of <paramref name="run"/>.</summary>
    public static RunView Of(RunRecord run)
    {
        var metrics = run.Metrics is null ? null : JsonSerializer.Deserialize(run.Metrics, HostJsonContext.Default.RunMetrics);
        var pushed = run.State is RunState.Pushed or RunState.Done;
        return new RunView(run.Id, run.Project, RunStore.Name(run.State), run.Trigger,
            run.Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            run.Finished?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            pushed ? metrics?.Queued : null, metrics?.Candidates, run.Error, metrics?.ReportPath, pushed ? metrics?.Rejected : null);
    }
}
