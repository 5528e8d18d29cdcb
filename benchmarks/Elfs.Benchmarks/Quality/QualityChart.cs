using System.Globalization;
using System.Text;

namespace Elfs.Benchmarks.Quality;

/// <summary>An SVG line chart of test accuracy against budget (log scale), one line per method, as the ELFS paper draws it.</summary>
internal static class QualityChart
{
    private static readonly string[] Colours = ["#7f7f7f", "#bcbd22", "#17becf", "#9467bd", "#8c564b", "#ff7f0e", "#d62728", "#e377c2", "#1f77b4", "#2ca02c"];

    public static string Svg(IReadOnlyList<double> budgets, IReadOnlyList<(string Method, double?[] Mean)> lines)
    {
        const int width = 760, height = 440, left = 60, right = 230, top = 20, bottom = 50;
        var c = CultureInfo.InvariantCulture;
        var values = lines.SelectMany(l => l.Mean).OfType<double>().ToArray();
        var (lo, hi) = (Math.Floor(values.Min() / 5) * 5, Math.Ceiling(values.Max() / 5) * 5);
        double X(double budget) => left + (Math.Log(budget) - Math.Log(budgets[0])) / (Math.Log(budgets[^1]) - Math.Log(budgets[0])) * (width - left - right);
        double Y(double accuracy) => top + (hi - accuracy) / Math.Max(1e-9, hi - lo) * (height - top - bottom);
        var svg = new StringBuilder();
        svg.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(c, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n");
        for (var a = lo; a <= hi; a += 5)
            svg.Append(c, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{Y(a):F1}\" y2=\"{Y(a):F1}\" stroke=\"#eee\"/><text x=\"{left - 6}\" y=\"{Y(a) + 4:F1}\" text-anchor=\"end\">{a:0}</text>\n");
        foreach (var b in budgets)
            svg.Append(c, $"<text x=\"{X(b):F1}\" y=\"{height - bottom + 18}\" text-anchor=\"middle\">{b:0.#}%</text>\n");
        svg.Append(c, $"<text x=\"{(left + width - right) / 2}\" y=\"{height - 10}\" text-anchor=\"middle\">budget (% of the pool, log scale)</text>\n");
        svg.Append(c, $"<text transform=\"translate(16 {(top + height - bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">test accuracy (%)</text>\n");
        for (var l = 0; l < lines.Count; l++)
        {
            var colour = Colours[l % Colours.Length];
            var points = budgets.Select((b, i) => (b, lines[l].Mean[i])).Where(p => p.Item2 is not null)
                .Select(p => string.Create(c, $"{X(p.b):F1},{Y(p.Item2!.Value):F1}"));
            svg.Append(c, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"{(lines[l].Method == QualityMethods.Default ? 3 : 1.5)}\" points=\"{string.Join(' ', points)}\"/>\n");
            var y = top + 16 * l;
            svg.Append(c, $"<line x1=\"{width - right + 12}\" x2=\"{width - right + 32}\" y1=\"{y + 6}\" y2=\"{y + 6}\" stroke=\"{colour}\" stroke-width=\"3\"/>");
            svg.Append(c, $"<text x=\"{width - right + 38}\" y=\"{y + 10}\">{System.Security.SecurityElement.Escape(lines[l].Method)}</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
