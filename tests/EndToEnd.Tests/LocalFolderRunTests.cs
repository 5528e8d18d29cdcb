using System.Text.Json;
using System.Text.RegularExpressions;
using Elfs.Host.Runs;
using Elfs.Host.Storage;

namespace Elfs.EndToEnd.Tests;

[Collection(FashionImagesCollection.Name)]
public sealed class LocalFolderRunTests(FashionImages images) : IDisposable
{
    private readonly Scenario _scenario = new(images);

    [Fact]
    public async Task Run_once_queues_the_budget_of_unlabeled_images_writes_the_report_and_a_second_run_reuses_the_cache()
    {
        using (var first = _scenario.Start(null, "run-once", "--project", Scenario.Project))
            Assert.True(await first.WaitAsync(TimeSpan.FromMinutes(3)) == 0, first.Output);

        var queue = _scenario.Queue();
        Assert.Equal(_scenario.ExpectedQueueLength, queue.Items.Count);
        Assert.Equal(Enumerable.Range(1, queue.Items.Count), queue.Items.Select(i => i.Rank));
        Assert.Equal(queue.Items.Count, queue.Items.Select(i => i.Path).Distinct().Count());
        Assert.DoesNotContain(queue.Items, i => _scenario.LabeledIds.Contains(i.Path));
        var csv = File.ReadAllLines(Path.Combine(_scenario.QueueFolder, "queue.csv"));
        Assert.Equal("rank,path,score,pseudo_label,reason", csv[0]);
        Assert.Equal(queue.Items.Count + 1, csv.Length);

        var stores = _scenario.Stores();
        var run = Assert.Single(stores.Runs.List(Scenario.Project));
        Assert.Equal(RunState.Done, run.State);
        Assert.Equal(queue.RunId, run.Id);
        var metrics = JsonSerializer.Deserialize<RunMetrics>(run.Metrics!, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal((FashionImages.Count, _scenario.LabeledIds.Count, _scenario.Unlabeled), (metrics.TotalItems, metrics.Labeled, metrics.Candidates));
        Assert.Equal((_scenario.Unlabeled, _scenario.Unlabeled, 0), (metrics.Embedded, metrics.Computed, metrics.Reused));
        var scores = stores.Selections.Scores(run.Id);
        Assert.Equal(_scenario.Unlabeled, scores.Count);
        Assert.Equal(queue.Items.Count, scores.Count(s => s.Selected));

        var report = File.ReadAllText(metrics.ReportPath!);
        Assert.Equal(report, File.ReadAllText(Path.Combine(_scenario.QueueFolder, "report.html")));
        Assert.Equal(queue.Items.Count.ToString(), Regex.Match(report, "id=\"queued\">(\\d+)<").Groups[1].Value);
        Assert.Equal(_scenario.Unlabeled.ToString(), Regex.Match(report, "id=\"candidates\">(\\d+)<").Groups[1].Value);
        Assert.Equal(metrics.HardPruned.ToString(), Regex.Match(report, "id=\"hard-pruned\">(\\d+)<").Groups[1].Value);
        Assert.NotNull(metrics.Strategy);
        Assert.Equal(metrics.Strategy, Regex.Match(report, "id=\"strategy\">([^<]*)<").Groups[1].Value);
        Assert.Contains("id=\"strategy-reason\"", report);
        Assert.Equal(Math.Min(RunReporterThumbnails, queue.Items.Count), Regex.Matches(report, "<img src=\"data:image/png;base64,").Count);

        using (var second = _scenario.Start(null, "run-once", "--project", Scenario.Project))
            Assert.True(await second.WaitAsync(TimeSpan.FromMinutes(3)) == 0, second.Output);
        var runs = _scenario.Stores().Runs.List(Scenario.Project);
        Assert.Equal(2, runs.Count);
        var again = JsonSerializer.Deserialize<RunMetrics>(runs[0].Metrics!, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal((0, _scenario.Unlabeled), (again.Computed, again.Reused));
        Assert.Equal(runs[0].Id, _scenario.Queue().RunId);
    }

    [Fact]
    public async Task Status_prints_the_runs_and_a_bad_configuration_exits_non_zero_naming_the_key()
    {
        using (var run = _scenario.Start(null, "run-once", "--project", Scenario.Project))
            Assert.True(await run.WaitAsync(TimeSpan.FromMinutes(3)) == 0, run.Output);
        using (var status = _scenario.Start(null, "status", "--project", Scenario.Project))
        {
            Assert.Equal(0, await status.WaitAsync(TimeSpan.FromMinutes(1)));
            Assert.Contains(" done ", status.Output);
            Assert.Contains($"e2e: queue of {_scenario.ExpectedQueueLength} item(s)", status.Output);
        }
        using (var bad = _scenario.Start(new Dictionary<string, string> { ["Elfs__Projects__0__Budget"] = "1.4" }, "run-once", "--project", Scenario.Project))
        {
            Assert.Equal(1, await bad.WaitAsync(TimeSpan.FromMinutes(1)));
            Assert.Contains("Elfs:Projects:0:Budget: 1.4 is not a fraction in (0, 1] nor a count", bad.Output);
        }
        using (var unknown = _scenario.Start(null, "run-once", "--project", "nope"))
        {
            Assert.Equal(1, await unknown.WaitAsync(TimeSpan.FromMinutes(1)));
            Assert.Contains("no project is named 'nope'", unknown.Output);
        }
        using (var check = _scenario.Start(null, "validate-config"))
        {
            Assert.Equal(0, await check.WaitAsync(TimeSpan.FromMinutes(1)));
            Assert.Contains($"e2e: ok, folder {images.Folder} ({FashionImages.Count} images", check.Output);
        }
    }

    [Fact]
    public async Task Vectors_from_elfs_embed_feed_a_precomputed_project()
    {
        var vectors = Path.Combine(_scenario.Folder, "vectors.npy");
        using (var embed = _scenario.Start(null, "embed", "--images", images.Folder, "--out", vectors, "--threads", "2"))
            Assert.True(await embed.WaitAsync(TimeSpan.FromMinutes(2)) == 0, embed.Output);
        _scenario.Settings["Elfs:Projects:0:Encoder"] = "precomputed";
        _scenario.Settings["Elfs:Projects:0:EncoderPath"] = vectors;
        _scenario.WriteConfig();
        using (var run = _scenario.Start(null, "run-once", "--project", Scenario.Project))
            Assert.True(await run.WaitAsync(TimeSpan.FromMinutes(3)) == 0, run.Output);
        var queue = _scenario.Queue();
        Assert.Equal(_scenario.ExpectedQueueLength, queue.Items.Count);
        Assert.DoesNotContain(queue.Items, i => _scenario.LabeledIds.Contains(i.Path));
        var metrics = JsonSerializer.Deserialize<RunMetrics>(_scenario.Stores().Runs.List(Scenario.Project)[0].Metrics!, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal((0, _scenario.Unlabeled, "precomputed (vectors.npy)"), (metrics.Computed, metrics.Reused, metrics.Encoder));
    }

    private const int RunReporterThumbnails = Elfs.Host.Reports.RunReporter.ThumbnailCount;

    public void Dispose() => _scenario.Dispose();
}
