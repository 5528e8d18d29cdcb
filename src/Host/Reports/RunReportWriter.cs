using System.Globalization;
using System.Net;
using System.Text;

namespace Elfs.Host.Reports;

/// <summary>Renders a run report: one self-contained HTML file with inline SVG charts, written for an admin who has never heard of AUM.</summary>
public static class RunReportWriter
{
    private const int QueueRows = 50;

    private const string Head = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Elfs run {TITLE}</title>
        <style>
        body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;color:#263238;line-height:1.45}
        h1{font-size:1.5em} h2{font-size:1.15em;margin-top:1.8em} .chart{width:100%;height:auto;background:#fafafa;border:1px solid #eceff1}
        table{border-collapse:collapse} td,th{padding:3px 10px;border-bottom:1px solid #eceff1;text-align:left;vertical-align:top}
        .note{color:#546e7a;font-size:.92em} .strip{display:flex;flex-wrap:wrap;gap:8px} .strip figure{margin:0;text-align:center;font-size:.8em}
        .strip img{width:72px;height:72px;object-fit:contain;image-rendering:pixelated;border:1px solid #cfd8dc;background:#fff}
        </style></head><body>

        """;

    /// <summary>The report's HTML.</summary>
    public static string Render(RunReportModel model)
    {
        var c = CultureInfo.InvariantCulture;
        var (run, p, m) = (model.Run, model.Parameters, model.Metrics);
        var sb = new StringBuilder();
        sb.Append(Head.Replace("{TITLE}", H(run.Id), StringComparison.Ordinal));
        sb.Append(c, $"<h1>Labeling queue for <em>{H(run.Project)}</em></h1>\n");
        sb.Append(c, $"<p>Run <code>{H(run.Id)}</code> · started {run.Started.UtcDateTime:yyyy-MM-dd HH:mm} UTC · state <b>{H(run.State.ToString().ToLowerInvariant())}</b> · trigger {H(run.Trigger)}</p>\n");
        sb.Append(c, $"<p>The project has <b id=\"total-items\">{m.TotalItems}</b> images; <b id=\"labeled\">{m.Labeled}</b> are already labeled. ");
        sb.Append(c, $"Of the <b id=\"candidates\">{m.Candidates}</b> unlabeled ones, <b id=\"embedded\">{m.Embedded}</b> were analysed");
        if (m.EmbedFailed > 0)
            sb.Append(c, $" (<b id=\"embed-failed\">{m.EmbedFailed}</b> could not be read)");
        sb.Append(c, $". <b id=\"queued\">{m.Queued}</b> were put at the front of the labeling queue");
        if (m.Kept > 0)
            sb.Append(c, $", of which <b id=\"kept\">{m.Kept}</b> were kept from the previous run (they count inside the budget)");
        if (m.KeptLeftOut > 0)
            sb.Append(c, $"; <b id=\"kept-left-out\">{m.KeptLeftOut}</b> more from the previous queue, which this run could not score, were left out to stay within the budget of {m.BudgetCount}");
        if (m.Rejected > 0)
            sb.Append(c, $"; the tool refused <b id=\"rejected\">{m.Rejected}</b>");
        sb.Append(c, $". The queue is at <code>{H(m.QueueLocation ?? "")}</code>.</p>\n");
        Explanation(sb, m);
        Difficulty(sb, model);
        Groups(sb, model);
        Settings(sb, model);
        Timings(sb, model);
        Thumbnails(sb, model);
        QueueTable(sb, model);
        SkippedItemsSection.Append(sb, model.Skipped, model.SkippedCsv);
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void Explanation(StringBuilder sb, Runs.RunMetrics m)
    {
        sb.Append("""
            <h2>How the queue was chosen</h2>
            <p>No labels are used. Each image is turned into a vector by an encoder; similar images are grouped into
            <em>pseudo-classes</em> (groups the program found on its own). A small model is then trained to tell the groups
            apart, and for each image we record how easily it learns it: the <em>difficulty score</em> (technically the
            <em>area under the margin</em>, AUM). Low scores mean the image is hard or ambiguous, high scores that it is easy
            and much like many others.</p>
            """);
        sb.Append(m.Strategy switch
        {
            "typical-per-group" => "<p>The budget is small for this pool, and with few labels a model learns most from <em>typical</em> images. So the budget is split over the groups in proportion to their size, each group is divided into that many regions of similar images, and the most typical image of each region (the one with the closest neighbours) is queued. Nothing is skipped as hard.</p>",
            "stratified-per-group" => string.Create(CultureInfo.InvariantCulture, $"<p>The budget is split over the groups in proportion to their size. Inside each group the hardest {100 * (m.StrategyBeta ?? 0):0.#}% are skipped as likely junk or ambiguous, and the rest is sampled evenly across difficulty, so easy, middle and hard images are all represented.</p>"),
            null => "",
            _ => string.Create(CultureInfo.InvariantCulture, $"<p>Method <code>{H(m.Strategy)}</code> was requested; hardest share skipped: {100 * (m.StrategyBeta ?? 0):0.#}%.</p>"),
        });
        if (m.StrategyReason is not null) sb.Append(CultureInfo.InvariantCulture, $"<p class=\"note\" id=\"strategy-reason\">Why: {H(m.StrategyReason)}.</p>");
        if (m.Clustering is not null) sb.Append(CultureInfo.InvariantCulture, $"<p class=\"note\" id=\"clustering\">Groups: {H(m.Clustering)}.</p>");
        if (m.BudgetWarning is not null) sb.Append(CultureInfo.InvariantCulture, $"<p class=\"note\" id=\"budget-warning\">Budget lowered: {H(m.BudgetWarning)}.</p>");
        sb.Append("<p>The queue interleaves the groups in proportion to their size, so every stretch of it, from the top, covers every group.</p>");
    }

    private static void Difficulty(StringBuilder sb, RunReportModel model)
    {
        sb.Append("<h2>Difficulty of the unlabeled images</h2>");
        var bands = DifficultyBands.Of(model.Scores, model.Metrics.HardPruned);
        if (bands is null)
        {
            sb.Append("<p>No image was scored in this run.</p>");
            return;
        }
        var queued = model.Queue.Select(q => q.ExternalId).ToHashSet(StringComparer.Ordinal);
        sb.Append(SvgCharts.Histogram(model.Scores.Select(s => s.Aum).ToList(), model.Scores.Select(s => queued.Contains(s.ExternalId)).ToList(), bands));
        sb.Append(CultureInfo.InvariantCulture,
            $"<p class=\"note\">Green bars: queued images. Red band: the <b id=\"hard-pruned\">{bands.HardCount}</b> hardest images (score below {bands.HardUpTo:0.##}), skipped. " +
            $"Grey band: the <b id=\"easy-pruned\">{bands.EasyCount}</b> easiest (score above {bands.SelectedUpTo:0.##}), skipped. Green band: where the queue was drawn from.</p>");
    }

    private static void Groups(StringBuilder sb, RunReportModel model)
    {
        if (model.Scores.Count == 0)
            return;
        var groups = model.Scores.GroupBy(s => s.PseudoLabel).OrderBy(g => g.Key).ToList();
        sb.Append("<h2>Queued images per group</h2>");
        sb.Append(SvgCharts.Bars(
            groups.Select(g => g.Key.ToString(CultureInfo.InvariantCulture)).ToList(),
            groups.Select(g => g.Count()).ToList(),
            groups.Select(g => g.Count(s => s.Selected)).ToList(),
            "Queued images per group"));
        sb.Append("<p class=\"note\">Grey: unlabeled images in the group; green: how many of them were queued. " +
                  "A roughly even spread means labelers cover every kind of image.</p><table><tr><th>group</th><th>unlabeled</th><th>queued</th></tr>");
        foreach (var g in groups)
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{g.Key}</td><td>{g.Count()}</td><td class=\"group-selected\">{g.Count(s => s.Selected)}</td></tr>");
        sb.Append("</table>");
    }

    private static void Settings(StringBuilder sb, RunReportModel model)
    {
        var (p, m) = (model.Parameters, model.Metrics);
        sb.Append("<h2>Settings of this run</h2><table>");
        Row(sb, "budget", $"{p.Budget} → {m.BudgetCount} images", "budget");
        Row(sb, "strategy", m.Strategy ?? "–", "strategy");
        Row(sb, "β (hardest share skipped)", (m.StrategyBeta ?? p.Beta).ToString("0.###", CultureInfo.InvariantCulture), "beta");
        Row(sb, "groups K", m.Clusters.ToString(CultureInfo.InvariantCulture), "clusters");
        Row(sb, "encoder", m.Encoder ?? p.Encoder, "encoder");
        Row(sb, "vectors computed / reused from cache", $"{m.Computed} / {m.Reused}", "cache");
        Row(sb, "device", m.Device ?? p.Device, "device");
        var epochs = p.ClusteringEpochs is null && p.ProxyEpochs is null ? "" : $", epochs: clustering {p.ClusteringEpochs?.ToString(CultureInfo.InvariantCulture) ?? "profile"}, proxy {p.ProxyEpochs?.ToString(CultureInfo.InvariantCulture) ?? "profile"}";
        Row(sb, "engine profile, seed", $"{p.Profile}, seed {p.Seed}{epochs}", "profile");
        Row(sb, "tool", $"{p.Tool}: {m.ToolDescription}", "tool");
        sb.Append("</table>");
    }

    private static void Timings(StringBuilder sb, RunReportModel model)
    {
        if (model.Timings.Count == 0)
            return;
        sb.Append("<h2>Time per stage</h2>");
        sb.Append(SvgCharts.Timings(model.Timings.ToList()));
        sb.Append("<p class=\"note\">sync: listing the tool's items; embed: reading and encoding new images; select: the selection " +
                  "(its parts in light green); push: writing the queue to the tool; report: this page.</p>");
    }

    private static void Thumbnails(StringBuilder sb, RunReportModel model)
    {
        if (model.Thumbnails.Count == 0)
            return;
        sb.Append("<h2>Top of the queue</h2><div class=\"strip\">");
        foreach (var q in model.Queue.Where(q => model.Thumbnails.ContainsKey(q.ExternalId)))
            sb.Append(CultureInfo.InvariantCulture,
                $"<figure><img src=\"{model.Thumbnails[q.ExternalId]}\" alt=\"{H(q.ExternalId)}\" title=\"{H(q.Reason)}\"><figcaption>#{q.Rank} · g{q.PseudoLabel}</figcaption></figure>");
        sb.Append("</div>");
    }

    private static void QueueTable(StringBuilder sb, RunReportModel model)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<h2>The queue (first {Math.Min(QueueRows, model.Queue.Count)} of {model.Queue.Count})</h2>");
        sb.Append("<table><tr><th>rank</th><th>item</th><th>group</th><th>why</th></tr>");
        foreach (var q in model.Queue.Take(QueueRows))
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{q.Rank}</td><td><code>{H(q.ExternalId)}</code></td><td>{q.PseudoLabel}</td><td>{H(q.Reason)}</td></tr>");
        sb.Append("</table>");
    }

    private static void Row(StringBuilder sb, string name, string value, string id) =>
        sb.Append(CultureInfo.InvariantCulture, $"<tr><th>{H(name)}</th><td id=\"{id}\">{H(value)}</td></tr>");

    private static string H(string s) => WebUtility.HtmlEncode(s);
}
