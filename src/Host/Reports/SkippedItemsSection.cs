using System.Globalization;
using System.Net;
using System.Text;
using Elfs.Host.Storage;

namespace Elfs.Host.Reports;

/// <summary>The report's "Skipped images" section: how many per reason, then each skipped item with its reason.</summary>
public static class SkippedItemsSection
{
    /// <summary>Most items listed in the page; the rest are counted ("and N more") and all are in the CSV.</summary>
    public const int ListedItems = 500;

    /// <summary>Appends the section to <paramref name="sb"/> (nothing when no item was skipped).</summary>
    public static void Append(StringBuilder sb, IReadOnlyList<RunItem> skipped, string? csvName)
    {
        if (skipped.Count == 0)
            return;
        var c = CultureInfo.InvariantCulture;
        sb.Append(c, $"<h2>Skipped images ({skipped.Count})</h2>\n");
        sb.Append("<p class=\"note\">These unlabeled images could not be read or encoded, so they were not considered for the queue. " +
                  "Fix or remove them; the next run tries them again.");
        if (csvName is not null)
            sb.Append(c, $" Every one is listed with its reason in <code>{H(csvName)}</code>.");
        sb.Append("</p>\n<table id=\"skipped-reasons\"><tr><th>reason</th><th>images</th></tr>");
        foreach (var g in skipped.GroupBy(s => s.Error!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            sb.Append(c, $"<tr><td>{H(g.Key)}</td><td>{g.Count()}</td></tr>");
        sb.Append("</table>\n<table id=\"skipped\"><tr><th>item</th><th>reason</th></tr>");
        foreach (var s in skipped.Take(ListedItems))
            sb.Append(c, $"<tr><td><code>{H(s.ExternalId)}</code></td><td>{H(s.Error!)}</td></tr>");
        sb.Append("</table>\n");
        if (skipped.Count > ListedItems)
            sb.Append(c, $"<p id=\"skipped-more\">… and {skipped.Count - ListedItems} more{(csvName is null ? "" : $" (all in <code>{H(csvName)}</code>)")}.</p>\n");
    }

    private static string H(string s) => WebUtility.HtmlEncode(s);
}
