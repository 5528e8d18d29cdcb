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

    public static string Marker(RunId run) => $"[run {run.Value}]";

    public static bool IsOfRun(string name, RunId run) => name.Contains(Marker(run), StringComparison.Ordinal);

    public static bool IsBatch(string prefix, string name) =>
        name.StartsWith(prefix + " ", StringComparison.Ordinal) && name.Contains("[run ", StringComparison.Ordinal);
}
