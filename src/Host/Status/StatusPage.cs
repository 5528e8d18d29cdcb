using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Elfs.Host.Configuration;
using Elfs.Host.Runs;
using Elfs.Host.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Elfs.Host.Status;

/// <summary>
/// The read-only status page of <c>elfs run</c>: <c>/</c> (HTML list of runs), <c>/api/runs</c> (JSON),
/// <c>/runs/{id}/report</c> (the run's report) and <c>/health</c> (for probes).
/// </summary>
public static class StatusPage
{
    /// <summary>Maps the page's endpoints.</summary>
    public static IEndpointRouteBuilder MapStatusPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (StoreSet stores, IOptions<ElfsOptions> options) =>
        {
            try
            {
                var version = stores.Store.Read(StoreMigrations.Version);
                var ok = version == StoreMigrations.CurrentVersion;
                var view = new HealthView(ok ? "ok" : "degraded", version, options.Value.Projects.Count(p => p.Enabled), ok ? null : "schema version differs");
                return Results.Json(view, HostJsonContext.Default.HealthView, statusCode: ok ? 200 : 503);
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                return Results.Json(new HealthView("degraded", 0, 0, "the store cannot be read: " + e.Message), HostJsonContext.Default.HealthView, statusCode: 503);
            }
        });
        app.MapGet("/api/runs", (StoreSet stores, string? project) =>
            Results.Json(stores.Runs.List(project, 200).Select(RunViews.Of).ToList(), HostJsonContext.Default.ListRunView));
        app.MapGet("/runs/{id}/report", (StoreSet stores, string id) =>
        {
            var run = stores.Runs.Get(id);
            var path = run?.Metrics is null ? null : JsonSerializer.Deserialize(run.Metrics, HostJsonContext.Default.RunMetrics)?.ReportPath;
            return path is not null && File.Exists(path) ? Results.File(path, "text/html; charset=utf-8") : Results.NotFound($"run {id} has no report");
        });
        app.MapGet("/", (StoreSet stores, IOptions<ElfsOptions> options) => Results.Content(Html(stores, options.Value), "text/html; charset=utf-8"));
        return app;
    }

    /// <summary>The page: the projects and the last 100 runs (each failed run with its one failure line).</summary>
    internal static string Html(StoreSet stores, ElfsOptions options)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"30\"><title>Elfs.LabelOps status</title>" +
                                   "<style>body{font-family:system-ui,sans-serif;margin:2em;color:#263238}td,th{padding:3px 10px;border-bottom:1px solid #eceff1;text-align:left}</style></head><body>" +
                                   "<h1>Elfs.LabelOps</h1><h2>Projects</h2><table><tr><th>project</th><th>tool</th><th>schedule</th><th>enabled</th></tr>");
        foreach (var p in options.Projects)
            sb.Append(c, $"<tr><td>{H(p.Name)}</td><td>{H(p.Tool)}</td><td><code>{H(p.Schedule)}</code></td><td>{p.Enabled}</td></tr>");
        sb.Append("</table><h2>Runs</h2><table><tr><th>run</th><th>project</th><th>state</th><th>started</th><th>finished</th><th>queued</th><th>last error</th><th>report</th></tr>");
        foreach (var r in stores.Runs.List(null, 100).Select(RunViews.Of))
        {
            var report = r.Report is null ? "" : $"<a href=\"/runs/{WebUtility.UrlEncode(r.Id)}/report\">report</a>";
            sb.Append(c, $"<tr><td><code>{H(r.Id)}</code></td><td>{H(r.Project)}</td><td>{H(r.State)}</td><td>{H(r.Started)}</td><td>{H(r.Finished ?? "")}</td><td>{r.Queued}</td><td>{H(r.Error ?? "")}</td><td>{report}</td></tr>");
        }
        return sb.Append("</table></body></html>").ToString();
    }

    private static string H(string s) => WebUtility.HtmlEncode(s);
}
