using System.Text;
using Elfs.Host.Storage;

namespace Elfs.Host.Reports;

/// <summary>Writes a run's skipped items as CSV: <c>id,reason</c>, fields with commas, quotes or line breaks in double quotes.</summary>
public static class SkippedItemsCsv
{
    /// <summary>The file name beside a LocalFolder queue.</summary>
    public const string FileName = "skipped.csv";

    /// <summary>The CSV text (a header line, then one row per item in the order given).</summary>
    public static string Render(IEnumerable<RunItem> skipped)
    {
        var sb = new StringBuilder("id,reason\n");
        foreach (var s in skipped)
            sb.Append(Quote(s.ExternalId)).Append(',').Append(Quote(s.Error ?? "")).Append('\n');
        return sb.ToString();
    }

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
