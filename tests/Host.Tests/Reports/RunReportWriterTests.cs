using System.Text.RegularExpressions;
using Elfs.Host.Reports;
using Elfs.Host.Runs;
using Elfs.Host.Storage;

namespace Elfs.Host.Tests.Reports;

public sealed class RunReportWriterTests
{
    private static RunReportModel Model()
    {
        // 20 scored items, AUM = i - 5; beta 0.1 -> the 2 lowest are hard-pruned; items with AUM 0..4 are selected.
        var scores = Enumerable.Range(0, 20)
            .Select(i => new StoredScore($"img/{i:00}.png", i % 4, 0.8f, i - 5, 0, 0.2f, i is >= 5 and <= 9, i is >= 5 and <= 9 ? i - 4 : null))
            .ToList();
        var queue = scores.Where(s => s.Selected).OrderBy(s => s.Rank)
            .Select(s => new QueueEntry(s.Rank!.Value, s.ExternalId, QueueBuilder.Score(s.Rank!.Value, 5), s.PseudoLabel, $"reason <{s.Rank}>", null)).ToList();
        var run = new RunRecord("proj-20260101-020000-abcd", "proj", RunState.Done, "schedule", new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero),
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "{}", null, null, null);
        var parameters = new RunParameters { Tool = "LocalFolder", Budget = "0.25", Beta = 0.1, Encoder = "builtin", Device = "auto", Profile = "cpu", Seed = 7, ProxyEpochs = 8 };
        var metrics = new RunMetrics
        {
            TotalItems = 25, Labeled = 5, Candidates = 20, Embedded = 20, Clusters = 4, BudgetCount = 5, Selected = 5, Queued = 5,
            Device = "cpu", Encoder = "builtin v1", QueueLocation = "/tmp/q", Computed = 12, Reused = 8,
            HardPruned = 2, Strategy = "stratified-per-group", StrategyBeta = 0.1, StrategyReason = "budget 25% is above 5%",
            Clustering = "TEMI groups used (modularity 0.5 vs k-means 0.4)",
        };
        var timings = new Dictionary<string, double> { ["sync"] = 0.5, ["embed"] = 2.25, ["select:temi"] = 1.5 };
        return new RunReportModel(run, parameters, metrics, timings, scores, queue, new Dictionary<string, string> { ["img/05.png"] = "data:image/png;base64,AAAA" });
    }

    private static string Text(string html, string id) => Regex.Match(html, $"id=\"{id}\">([^<]*)<").Groups[1].Value;

    [Fact]
    public void The_report_states_the_run_numbers()
    {
        var html = RunReportWriter.Render(Model());
        Assert.Equal("25", Text(html, "total-items"));
        Assert.Equal("5", Text(html, "labeled"));
        Assert.Equal("20", Text(html, "candidates"));
        Assert.Equal("5", Text(html, "queued"));
        Assert.Equal("2", Text(html, "hard-pruned"));
        Assert.Equal("10", Text(html, "easy-pruned"));
        Assert.Equal("0.25 → 5 images", Text(html, "budget"));
        Assert.Equal("0.1", Text(html, "beta"));
        Assert.Equal("stratified-per-group", Text(html, "strategy"));
        Assert.Equal("Why: budget 25% is above 5%.", Text(html, "strategy-reason"));
        Assert.Equal("Groups: TEMI groups used (modularity 0.5 vs k-means 0.4).", Text(html, "clustering"));
        Assert.DoesNotContain("budget-warning", html);
        Assert.Equal("4", Text(html, "clusters"));
        Assert.Equal("builtin v1", Text(html, "encoder"));
        Assert.Equal("cpu", Text(html, "device"));
        Assert.Equal("12 / 8", Text(html, "cache"));
        Assert.Equal("cpu, seed 7, epochs: clustering profile, proxy 8", Text(html, "profile"));
    }

    [Fact]
    public void The_report_is_self_contained_with_inline_svg_and_escaped_text()
    {
        var html = RunReportWriter.Render(Model());
        Assert.Equal(3, Regex.Matches(html, "<svg ").Count);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.Contains("reason &lt;1&gt;", html);
        Assert.Contains("<img src=\"data:image/png;base64,AAAA\"", html);
        Assert.Contains("select:temi", html);
        Assert.Contains("difficulty score", html);
        Assert.Equal(["1", "2", "1", "1"], Regex.Matches(html, "class=\"group-selected\">(\\d+)<").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void Bands_split_hard_selected_and_easy()
    {
        var bands = DifficultyBands.Of(Model().Scores, hardPruned: 2)!;
        Assert.Equal((2, 10), (bands.HardCount, bands.EasyCount));
        Assert.Equal(-3.5f, bands.HardUpTo);
        Assert.Equal(4f, bands.SelectedUpTo);
        Assert.Null(DifficultyBands.Of([], 2));
    }
}
