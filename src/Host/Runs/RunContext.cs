using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Elfs.Connector;
using Elfs.Host.Configuration;
using Elfs.Host.Embedding;
using Elfs.Host.Storage;

namespace Elfs.Host.Runs;

/// <summary>One run in progress: its record, settings, tool, encoder, and the metrics and timings gathered so far.</summary>
internal sealed class RunContext(RunRecord run, ProjectOptions project, RunParameters parameters, ILabelingTool tool, IEmbeddingStage embedder)
{
    public RunRecord Run { get; set; } = run;

    public ProjectOptions Project { get; } = project;

    public RunParameters Parameters { get; } = parameters;

    public ILabelingTool Tool { get; } = tool;

    public IEmbeddingStage Embedder { get; } = embedder;

    public RunMetrics Metrics { get; } = run.Metrics is null ? new RunMetrics() : JsonSerializer.Deserialize(run.Metrics, HostJsonContext.Default.RunMetrics)!;

    public Dictionary<string, double> Timings { get; } =
        run.Timings is null ? [] : JsonSerializer.Deserialize(run.Timings, HostJsonContext.Default.DictionaryStringDouble)!;

    public string MetricsJson => JsonSerializer.Serialize(Metrics, HostJsonContext.Default.RunMetrics);

    public string TimingsJson => JsonSerializer.Serialize(Timings, HostJsonContext.Default.DictionaryStringDouble);

    public void AddTiming(string stage, TimeSpan elapsed) =>
        Timings[stage] = Math.Round(Timings.GetValueOrDefault(stage) + elapsed.TotalSeconds, 3);

    public static string NewRunId(string project, DateTimeOffset now)
    {
        var safe = new string(project.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '-').ToArray());
        if (safe.Length > 40)
            safe = safe[..40];
        return string.Create(CultureInfo.InvariantCulture, $"{safe}-{now.UtcDateTime:yyyyMMdd-HHmmss}-{Random.Shared.Next(0x10000):x4}");
    }

    public static Stopwatch Time() => Stopwatch.StartNew();
}
