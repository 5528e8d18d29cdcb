using System.Globalization;

namespace Elfs.Connector.Cvat;

/// <summary>
/// Names of batch tasks: <c>"&lt;prefix&gt; 2026-11-24 10:07Z [run &lt;id&gt;] 500 frames by priority"</c> — a sortable date
/// after the prefix, and a run marker by which a re-push finds the task it already made.
/// </summary>
internal static class CvatBatchName
{
    public static string Format(string prefix, RunId run, DateTimeOffset createdUtc, int frames) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{prefix} {createdUtc.UtcDateTime:yyyy-MM-dd HH:mm}Z {Marker(run)} {frames} frames by priority");

    /// <summary>What every run marker starts with (also the search term that lists all batch tasks).</summary>
    public const string MarkerStart = "[run ";

    public static string Marker(RunId run) => $"{MarkerStart}{run.Value}]";

    public static bool IsOfRun(string name, RunId run) => name.Contains(Marker(run), StringComparison.Ordinal);

    /// <summary>The run a batch task's name is marked with; false when it has no well-formed marker.</summary>
    public static bool TryRunOf(string name, out RunId run)
    {
        run = default;
        var start = name.IndexOf(MarkerStart, StringComparison.Ordinal);
        var end = start < 0 ? -1 : name.IndexOf(']', start);
        if (end < 0) return false;
        var value = name[(start + MarkerStart.Length)..end];
        if (!RunId.IsValid(value)) return false;
        run = new RunId(value);
        return true;
    }

    public static bool IsBatch(string prefix, string name) =>
        name.StartsWith(prefix + " ", StringComparison.Ordinal) && name.Contains(MarkerStart, StringComparison.Ordinal);
}
