using Elfs.Host.Runs;
using Elfs.Host.Storage;

namespace Elfs.Host.Reports;

/// <summary>Everything a run report shows.</summary>
/// <param name="Run">The run.</param>
/// <param name="Parameters">Its settings.</param>
/// <param name="Metrics">Its counts.</param>
/// <param name="Timings">Seconds per stage.</param>
/// <param name="Scores">Scores of every scored candidate.</param>
/// <param name="Queue">The queue as pushed.</param>
/// <param name="Thumbnails">Images of the top of the queue as data URIs, by external id (LocalFolder).</param>
public sealed record RunReportModel(
    RunRecord Run, RunParameters Parameters, RunMetrics Metrics, IReadOnlyDictionary<string, double> Timings,
    IReadOnlyList<StoredScore> Scores, IReadOnlyList<QueueEntry> Queue, IReadOnlyDictionary<string, string> Thumbnails)
{
    /// <summary>Every candidate that could not be embedded, with its reason.</summary>
    public IReadOnlyList<RunItem> Skipped { get; init; } = [];

    /// <summary>The name of the CSV listing <see cref="Skipped"/>, when one was written.</summary>
    public string? SkippedCsv { get; init; }
}
