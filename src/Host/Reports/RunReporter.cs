using System.Text.Json;
using Elfs.Connector;
using Elfs.Host.Configuration;
using Elfs.Host.Runs;
using Elfs.Host.Storage;
using Elfs.Host.Tools;
using Microsoft.Extensions.Options;

namespace Elfs.Host.Reports;

/// <summary>
/// Writes each run's report to <c>&lt;reports&gt;/&lt;project&gt;/&lt;run id&gt;.html</c>; for LocalFolder also as
/// <c>report.html</c> next to queue.csv, with a thumbnail strip of the top of the queue.
/// </summary>
public sealed class RunReporter(IOptions<ElfsOptions> options, StoreSet stores) : IRunReporter
{
    /// <summary>Thumbnails shown for LocalFolder projects.</summary>
    public const int ThumbnailCount = 24;

    private const long MaxThumbnailBytes = 512 * 1024;

    /// <inheritdoc />
    public async Task<string> WriteAsync(RunRecord run, ProjectOptions project, ILabelingTool tool, CancellationToken cancellationToken)
    {
        var queue = stores.Selections.Queue(run.Id);
        var thumbnails = new Dictionary<string, string>(StringComparer.Ordinal);
        if (project.ToolKind == ToolKind.LocalFolder)
        {
            var folder = Path.GetFullPath(project.Folder!);
            foreach (var q in queue.Take(ThumbnailCount))
            {
                var file = new FileInfo(Path.Combine(folder, q.ExternalId));
                if (file.Exists && file.Length <= MaxThumbnailBytes)
                    thumbnails[q.ExternalId] = $"data:{Mime(file.Extension)};base64,{Convert.ToBase64String(await File.ReadAllBytesAsync(file.FullName, cancellationToken))}";
            }
        }
        var model = new RunReportModel(
            run,
            JsonSerializer.Deserialize(run.Parameters, HostJsonContext.Default.RunParameters)!,
            run.Metrics is null ? new RunMetrics() : JsonSerializer.Deserialize(run.Metrics, HostJsonContext.Default.RunMetrics)!,
            run.Timings is null ? [] : JsonSerializer.Deserialize(run.Timings, HostJsonContext.Default.DictionaryStringDouble)!,
            stores.Selections.Scores(run.Id), queue, thumbnails);
        var path = PathOf(options.Value, run);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var skipped = stores.Items.Candidates(run.Id).Where(i => i.Error is not null).ToList();
        var local = project.ToolKind == ToolKind.LocalFolder;
        string? skippedCsv = null;
        if (skipped.Count > 0 || local)
        {
            // Beside the queue for LocalFolder (replacing the previous run's), else beside the run's report.
            var csv = SkippedItemsCsv.Render(skipped);
            var csvPath = local ? Path.Combine(ToolFactory.LocalFolderOptionsOf(project).ResolvedOutputPath, SkippedItemsCsv.FileName) : Path.ChangeExtension(path, ".skipped.csv");
            Directory.CreateDirectory(Path.GetDirectoryName(csvPath)!);
            await File.WriteAllTextAsync(csvPath, csv, cancellationToken);
            skippedCsv = Path.GetFileName(csvPath);
        }
        var html = RunReportWriter.Render(model with { Skipped = skipped, SkippedCsv = skippedCsv });
        await File.WriteAllTextAsync(path, html, cancellationToken);
        if (local)
        {
            var output = ToolFactory.LocalFolderOptionsOf(project).ResolvedOutputPath;
            Directory.CreateDirectory(output);
            await File.WriteAllTextAsync(Path.Combine(output, "report.html"), html, cancellationToken);
        }
        return path;
    }

    /// <summary>Where the report of <paramref name="run"/> is written.</summary>
    public static string PathOf(ElfsOptions options, RunRecord run) =>
        Path.Combine(options.Storage.ResolvedReportsPath, run.Project, run.Id + ".html");

    private static string Mime(string extension) => extension.ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".bmp" => "image/bmp",
        _ => "image/jpeg",
    };
}
