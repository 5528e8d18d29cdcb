using System.Globalization;
using System.Net;
using System.Text;

namespace Elfs.Host.Reports;

/// <summary>Small inline SVG charts (no scripts, no external files).</summary>
public static class SvgCharts
{
    private const int Width = 720;
    private const int Height = 240;
    private const int Left = 48;
    private const int Bottom = 34;
    private const int Top = 12;

    /// <summary>
    /// A histogram of <paramref name="values"/> with the bands shaded behind it; <paramref name="highlight"/> marks the
    /// values drawn in the highlight colour (stacked on the rest).
    /// </summary>
    public static string Histogram(IReadOnlyList<float> values, IReadOnlyList<bool> highlight, DifficultyBands bands, int bins = 30)
    {
        var sb = Open("Distribution of difficulty scores");
        var (lo, hi) = (bands.Min, bands.Max > bands.Min ? bands.Max : bands.Min + 1);
        var all = new int[bins];
        var marked = new int[bins];
        for (var i = 0; i < values.Count; i++)
        {
            var b = Math.Clamp((int)((values[i] - lo) / (hi - lo) * bins), 0, bins - 1);
            all[b]++;
            if (highlight[i])
                marked[b]++;
        }
        var peak = Math.Max(1, all.Max());
        double X(double v) => Left + (v - lo) / (hi - lo) * (Width - Left - 10);
        var plotHeight = Height - Bottom - Top;
        Band(sb, X(lo), X(bands.HardUpTo), "#f4c7c3", "hardest: skipped");
        Band(sb, X(bands.HardUpTo), X(bands.SelectedUpTo), "#c8e6c9", "queue drawn from here");
        Band(sb, X(bands.SelectedUpTo), X(hi), "#dde3ea", "easiest: skipped");
        var barWidth = (Width - Left - 10) / (double)bins;
        for (var b = 0; b < bins; b++)
        {
            var x = Left + b * barWidth;
            var h = all[b] / (double)peak * plotHeight;
            var hm = marked[b] / (double)peak * plotHeight;
            Rect(sb, x + 1, Height - Bottom - h, barWidth - 2, h, "#90a4ae", $"{all[b]} items");
            if (marked[b] > 0)
                Rect(sb, x + 1, Height - Bottom - hm, barWidth - 2, hm, "#2e7d32", $"{marked[b]} queued");
        }
        Axis(sb, peak);
        Text(sb, Left, Height - 8, F(lo), "start");
        Text(sb, Width - 10, Height - 8, F(hi), "end");
        Text(sb, (Left + Width) / 2.0, Height - 8, "difficulty score (AUM): low = hard or ambiguous, high = easy", "middle");
        return Close(sb);
    }

    /// <summary>Grouped bars: for each label, <paramref name="total"/> in grey and <paramref name="part"/> in colour.</summary>
    public static string Bars(IReadOnlyList<string> labels, IReadOnlyList<int> total, IReadOnlyList<int> part, string title)
    {
        var sb = Open(title);
        var peak = Math.Max(1, total.DefaultIfEmpty(0).Max());
        var plotHeight = Height - Bottom - Top;
        var slot = (Width - Left - 10) / (double)Math.Max(1, labels.Count);
        for (var i = 0; i < labels.Count; i++)
        {
            var x = Left + i * slot;
            var h = total[i] / (double)peak * plotHeight;
            var hp = part[i] / (double)peak * plotHeight;
            Rect(sb, x + slot * 0.1, Height - Bottom - h, slot * 0.8, h, "#cfd8dc", $"group {labels[i]}: {total[i]} unlabeled");
            Rect(sb, x + slot * 0.25, Height - Bottom - hp, slot * 0.5, hp, "#2e7d32", $"group {labels[i]}: {part[i]} queued");
            Text(sb, x + slot / 2, Height - Bottom + 14, labels[i], "middle");
            Text(sb, x + slot / 2, Height - Bottom - hp - 3, part[i].ToString(CultureInfo.InvariantCulture), "middle");
        }
        Axis(sb, peak);
        Text(sb, (Left + Width) / 2.0, Height - 4, "group (pseudo-class found without labels)", "middle");
        return Close(sb);
    }

    /// <summary>Horizontal bars of seconds per stage.</summary>
    public static string Timings(IReadOnlyList<KeyValuePair<string, double>> stages)
    {
        var rowHeight = 22;
        var height = Top + stages.Count * rowHeight + 10;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"Time per stage\" class=\"chart\">");
        var peak = Math.Max(0.001, stages.Select(s => s.Value).DefaultIfEmpty(0).Max());
        for (var i = 0; i < stages.Count; i++)
        {
            var y = Top + i * rowHeight;
            var w = stages[i].Value / peak * (Width - 260);
            Text(sb, 150, y + 15, stages[i].Key, "end");
            Rect(sb, 160, y + 3, Math.Max(1, w), rowHeight - 6, stages[i].Key.StartsWith("select:", StringComparison.Ordinal) ? "#81c784" : "#1976d2", $"{stages[i].Value:0.###} s");
            Text(sb, 166 + w, y + 15, string.Create(CultureInfo.InvariantCulture, $"{stages[i].Value:0.##} s"), "start");
        }
        return Close(sb);
    }

    private static StringBuilder Open(string label) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" class=\"chart\">");

    private static string Close(StringBuilder sb) => sb.Append("</svg>").ToString();

    private static void Band(StringBuilder sb, double x0, double x1, string colour, string label)
    {
        if (x1 - x0 < 0.5)
            return;
        Rect(sb, x0, Top, x1 - x0, Height - Bottom - Top, colour, label);
        if (x1 - x0 >= label.Length * 6)
            Text(sb, (x0 + x1) / 2, Top + 12, label, "middle");
    }

    private static void Axis(StringBuilder sb, int peak)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - 10}\" y2=\"{Height - Bottom}\" stroke=\"#455a64\"/>");
        Text(sb, Left - 4, Top + 10, peak.ToString(CultureInfo.InvariantCulture), "end");
        Text(sb, Left - 4, Height - Bottom, "0", "end");
    }

    private static void Rect(StringBuilder sb, double x, double y, double w, double h, string fill, string title) =>
        sb.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(0, w):0.#}\" height=\"{Math.Max(0, h):0.#}\" fill=\"{fill}\"><title>{WebUtility.HtmlEncode(title)}</title></rect>");

    private static void Text(StringBuilder sb, double x, double y, string text, string anchor) =>
        sb.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" font-size=\"11\" text-anchor=\"{anchor}\" fill=\"#263238\">{WebUtility.HtmlEncode(text)}</text>");

    private static string F(float v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
