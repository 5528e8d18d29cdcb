using Elfs.Host.Cli;
using Elfs.Host.Runs;
using Elfs.Host.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Elfs.Host.Tests.Runs;

/// <summary>The run pipeline with its real parts: LocalFolder, precomputed vectors, the ELFS engine, SQLite.</summary>
public sealed class RunPipelineTests : IDisposable
{
    private const int Items = 60;
    private readonly TempFolder _temp = new();
    private readonly string[] _ids = Enumerable.Range(0, Items).Select(i => $"img-{i:00}.png").ToArray();

    public RunPipelineTests()
    {
        Directory.CreateDirectory(_temp.File("images"));
        foreach (var id in _ids)
            File.WriteAllBytes(_temp.File("images/" + id), [1]);
        WriteVectors(_ids);
        File.WriteAllLines(_temp.File("images/labeled.txt"), _ids.Take(6));
    }

    // Three seeded Gaussian blobs in 8 dimensions.
    private void WriteVectors(IEnumerable<string> ids)
    {
        var random = new Random(5);
        File.WriteAllLines(_temp.File("vectors.csv"), ids.Select(id =>
        {
            var blob = Array.IndexOf(_ids, id) % 3;
            return id + "," + string.Join(",", Enumerable.Range(0, 8).Select(d => ((d == blob ? 4.0 : 0.0) + random.NextDouble()).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)));
        }));
    }

    private ServiceProvider Services(string? pauseAfter = null, Dictionary<string, string?>? overrides = null, LogLevel level = LogLevel.Warning) => CliHost.Services(new ConfigurationBuilder().AddInMemoryCollection(Settings(pauseAfter, overrides)).Build(), level);

    private Dictionary<string, string?> Settings(string? pauseAfter = null, Dictionary<string, string?>? overrides = null) => new Dictionary<string, string?>
    {
        ["Elfs:Diagnostics:PauseAfterState"] = pauseAfter,
        ["Elfs:Storage:Path"] = _temp.File("elfs.db"),
        ["Elfs:Engine:Device"] = "cpu",
        ["Elfs:Engine:Threads"] = "2",
        ["Elfs:Engine:ClusteringEpochs"] = "8",
        ["Elfs:Engine:ProxyEpochs"] = "8",
        ["Elfs:Projects:0:Name"] = "p",
        ["Elfs:Projects:0:Folder"] = _temp.File("images"),
        ["Elfs:Projects:0:OutputPath"] = _temp.File("queue"),
        ["Elfs:Projects:0:Budget"] = "10",
        ["Elfs:Projects:0:Beta"] = "0.1",
        ["Elfs:Projects:0:Clusters"] = "3",
        ["Elfs:Projects:0:Encoder"] = "precomputed",
        ["Elfs:Projects:0:EncoderPath"] = _temp.File("vectors.csv"),
    }.Concat(overrides ?? []).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    [Fact]
    public async Task A_near_copy_of_a_labeled_image_is_not_queued()
    {
        // img-10 (unlabeled) gets the same vector as img-00 (labeled); the budget would otherwise take every candidate.
        var lines = File.ReadAllLines(_temp.File("vectors.csv"));
        lines[10] = "img-10.png" + lines[0][lines[0].IndexOf(',')..];
        File.WriteAllLines(_temp.File("vectors.csv"), lines);
        await using var services = Services(overrides: new() { ["Elfs:Projects:0:Budget"] = "1.0", ["Elfs:Projects:0:Beta"] = "0" });

        var run = await services.GetRequiredService<RunPipeline>().RunAsync("p", "manual", null, CancellationToken.None);

        Assert.True(run.Status == RunStatus.Completed, run.Message);
        var stores = services.GetRequiredService<StoreSet>();
        var copy = Assert.Single(stores.Selections.Scores(run.Run!.Id), s => s.ExternalId == "img-10.png");
        Assert.False(copy.Selected);
        Assert.Equal("img-00.png", copy.DuplicateOf);
        Assert.Contains("near-duplicate", copy.Reason);
        var queue = stores.Selections.Queue(run.Run.Id);
        Assert.Equal(stores.Selections.Scores(run.Run.Id).Count(s => s.Selected), queue.Count);
        Assert.DoesNotContain(queue, q => q.ExternalId == "img-10.png");
        Assert.DoesNotContain(queue, q => q.ExternalId == "img-00.png");
    }

    [Fact]
    public async Task Only_unlabeled_items_are_queued_and_an_earlier_queued_item_this_run_cannot_score_stays_at_the_end()
    {
        await using var services = Services();
        var pipeline = services.GetRequiredService<RunPipeline>();
        var stores = services.GetRequiredService<StoreSet>();

        var first = await pipeline.RunAsync("p", "manual", null, CancellationToken.None);
        Assert.True(first.Status == RunStatus.Completed, first.Message);
        var queue1 = stores.Selections.Queue(first.Run!.Id);
        Assert.Equal(10, queue1.Count);
        Assert.DoesNotContain(queue1, q => _ids.Take(6).Contains(q.ExternalId));
        Assert.Equal(Items - 6, stores.Selections.Scores(first.Run.Id).Count);

        // Since the first run: three queued items got labeled; one queued item lost its vector.
        File.AppendAllLines(_temp.File("images/labeled.txt"), queue1.Take(3).Select(q => q.ExternalId));
        var unscorable = queue1[5].ExternalId;
        WriteVectors(_ids.Where(id => id != unscorable));

        var second = await pipeline.RunAsync("p", "manual", null, CancellationToken.None);
        Assert.True(second.Status == RunStatus.Completed, second.Message);
        var queue2 = stores.Selections.Queue(second.Run!.Id);
        Assert.Equal(Items - 9, stores.Items.Candidates(second.Run.Id).Count);
        Assert.DoesNotContain(queue2, q => queue1.Take(3).Any(l => l.ExternalId == q.ExternalId));
        Assert.Equal(10, queue2.Count);
        Assert.Equal((unscorable, first.Run.Id), (queue2[^1].ExternalId, queue2[^1].KeptFrom));
        Assert.Equal(Enumerable.Range(1, 10), queue2.Select(q => q.Rank));
        Assert.Equal(queue2.Select(q => q.ExternalId), new Elfs.Connector.LocalFolder.LocalFolderTool(
            new Elfs.Connector.LocalFolder.LocalFolderOptions { Folder = _temp.File("images"), OutputPath = _temp.File("queue") }).ReadQueue()!.Items.Select(i => i.Path));
    }

    // Starts a run that stops at "synced" and waits there; `whilePaused` runs while it waits, then the run is cancelled.
    private async Task<RunOutcome> InterruptedAfterSync(Func<Task>? whilePaused = null)
    {
        await using var pausing = Services(pauseAfter: "synced");
        using var stop = new CancellationTokenSource();
        var first = Task.Run(() => pausing.GetRequiredService<RunPipeline>().RunAsync("p", "schedule", null, stop.Token));
        var marker = _temp.File("elfs.db.paused");
        for (var waited = 0; !File.Exists(marker); waited += 50)
        {
            Assert.True(waited < 60_000, "the first run never reached synced");
            await Task.Delay(50);
        }
        if (whilePaused is not null) await whilePaused();
        await stop.CancelAsync();
        var interrupted = await first;
        Assert.Equal((RunStatus.Interrupted, RunState.Synced), (interrupted.Status, interrupted.Run!.State));
        return interrupted;
    }

    [Fact]
    public async Task A_second_run_while_one_is_in_progress_does_nothing_and_the_interrupted_run_resumes()
    {
        await using var services = Services();
        var interrupted = await InterruptedAfterSync(async () =>
        {
            var second = await services.GetRequiredService<RunPipeline>().RunAsync("p", "manual", null, CancellationToken.None);
            Assert.Equal(RunStatus.AlreadyRunning, second.Status);
        });

        var resumed = await services.GetRequiredService<RunPipeline>().RunAsync("p", "manual", null, CancellationToken.None);
        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal(interrupted.Run!.Id, resumed.Run!.Id);
        Assert.Single(services.GetRequiredService<StoreSet>().Runs.List("p"));
    }

    [Fact]
    public async Task A_resumed_run_embeds_with_the_encoder_it_recorded_not_the_one_configured_since()
    {
        var interrupted = await InterruptedAfterSync();
        // Between the kill and the resume the configuration moves to other vectors that cover only five candidates.
        File.WriteAllLines(_temp.File("other-vectors.csv"), File.ReadAllLines(_temp.File("vectors.csv")).Skip(6).Take(5));
        await using var changed = Services(overrides: new() { ["Elfs:Projects:0:EncoderPath"] = _temp.File("other-vectors.csv") });

        var resumed = await changed.GetRequiredService<RunPipeline>().RunAsync("p", "manual", null, CancellationToken.None);

        Assert.True(resumed.Status == RunStatus.Completed, resumed.Message);
        Assert.Equal(interrupted.Run!.Id, resumed.Run!.Id);
        Assert.Equal(10, changed.GetRequiredService<StoreSet>().Selections.Queue(resumed.Run.Id).Count);
    }

    [Fact]
    public async Task A_resumed_run_whose_folder_changed_fails_naming_the_key_and_the_next_run_starts_afresh()
    {
        var interrupted = await InterruptedAfterSync();
        Directory.CreateDirectory(_temp.File("elsewhere"));
        await using var changed = Services(overrides: new() { ["Elfs:Projects:0:Folder"] = _temp.File("elsewhere") });
        var pipeline = changed.GetRequiredService<RunPipeline>();

        var resumed = await pipeline.RunAsync("p", "manual", null, CancellationToken.None);

        Assert.Equal(RunStatus.Failed, resumed.Status);
        Assert.Equal(interrupted.Run!.Id, resumed.Run!.Id);
        Assert.Contains("Elfs:Projects:0:Folder was '" + _temp.File("images") + "'", resumed.Message);
        var next = await pipeline.RunAsync("p", "manual", null, CancellationToken.None);
        Assert.NotEqual(interrupted.Run.Id, next.Run!.Id);
    }

    [Fact]
    public async Task A_failing_run_is_marked_failed_with_the_reason_and_the_next_run_starts_afresh()
    {
        await using var services = Services();
        var pipeline = services.GetRequiredService<RunPipeline>();
        File.Delete(_temp.File("vectors.csv"));
        var failed = await pipeline.RunAsync("p", "manual", null, CancellationToken.None);
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal(RunState.Failed, failed.Run!.State);
        Assert.Contains("vectors.csv", failed.Run.Error);
        WriteVectors(_ids);
        var next = await pipeline.RunAsync("p", "manual", null, CancellationToken.None);
        Assert.Equal(RunStatus.Completed, next.Status);
        Assert.NotEqual(failed.Run.Id, next.Run!.Id);
    }

    [Fact]
    public async Task Items_carried_from_the_last_queue_count_inside_the_budget_and_those_that_do_not_fit_are_reported()
    {
        await using var services = Services();
        var pipeline = services.GetRequiredService<RunPipeline>();
        var stores = services.GetRequiredService<StoreSet>();
        var first = await pipeline.RunAsync("p", "manual", null, CancellationToken.None);
        var queue1 = stores.Selections.Queue(first.Run!.Id);
        Assert.Equal(10, queue1.Count);

        // Six queued items lose their vectors (unreadable this time): with budget 10 they are kept and 4 are selected anew.
        var unscorable = queue1.Take(6).Select(q => q.ExternalId).ToHashSet();
        WriteVectors(_ids.Where(id => !unscorable.Contains(id)));
        var second = await pipeline.RunAsync("p", "manual", null, CancellationToken.None);
        var queue2 = stores.Selections.Queue(second.Run!.Id);
        Assert.Equal(10, queue2.Count);
        Assert.Equal(6, queue2.Count(q => q.KeptFrom == first.Run.Id));

        // With budget 4 only the first 4 carried items (by their earlier rank) fit; the other 2 are left out and reported.
        await using var smaller = Services(overrides: new() { ["Elfs:Projects:0:Budget"] = "4" });
        var third = await smaller.GetRequiredService<RunPipeline>().RunAsync("p", "manual", null, CancellationToken.None);
        var queue3 = stores.Selections.Queue(third.Run!.Id);
        Assert.Equal(4, queue3.Count);
        Assert.All(queue3, q => Assert.NotNull(q.KeptFrom));
        var metrics = System.Text.Json.JsonSerializer.Deserialize(third.Run.Metrics!, HostJsonContext.Default.RunMetrics)!;
        Assert.Equal((4, 2, 4), (metrics.Kept, metrics.KeptLeftOut, metrics.BudgetCount));
        Assert.Contains("id=\"kept-left-out\">2</b>", File.ReadAllText(metrics.ReportPath!));
    }

    [Fact]
    public async Task Status_shows_one_queue_size_when_the_tool_refused_some_items_at_push_time()
    {
        await using var services = Services();
        var run = await services.GetRequiredService<RunPipeline>().RunAsync("p", "manual", null, CancellationToken.None);
        Assert.Equal(10, services.GetRequiredService<StoreSet>().Selections.Queue(run.Run!.Id).Count);
        // What a Label Studio push records when 3 of the 10 tasks were deleted between sync and push.
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + _temp.File("elfs.db")))
        {
            db.Open();
            using var update = db.CreateCommand();
            update.CommandText = "UPDATE runs SET metrics = json_set(metrics, '$.queued', 7, '$.rejected', 3) WHERE id = $id";
            update.Parameters.AddWithValue("$id", run.Run.Id);
            Assert.Equal(1, update.ExecuteNonQuery());
        }
        var output = new StringWriter();

        Assert.Equal(0, StatusCommand.Run(WriteStatusConfig(), "p", 10, output, new StringWriter()));

        var text = output.ToString();
        Assert.Matches(@"done\s+\S+\s+\S+\s+\S+\s+\S+\s+7\s", text);
        Assert.Contains("p: queue of 7 item(s) (10 chosen; the tool refused 3", text);
        Assert.DoesNotContain("queue of 10", text);
    }

    private string WriteStatusConfig()
    {
        var config = _temp.File("status.json");
        File.WriteAllText(config, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Elfs"] = new Dictionary<string, object>
            {
                ["Storage"] = new Dictionary<string, string> { ["Path"] = _temp.File("elfs.db") },
                ["Projects"] = new[] { new Dictionary<string, string> { ["Name"] = "p", ["Folder"] = _temp.File("images"), ["Clusters"] = "3" } },
            },
        }));
        return config;
    }

    [Fact]
    public async Task A_failed_run_is_one_line_naming_the_stage_and_cause_in_the_log_the_store_status_and_the_status_page()
    {
        await using var services = Services(level: LogLevel.Debug);
        var log = new CapturedLog();
        services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        File.WriteAllLines(_temp.File("vectors.csv"), ["img-00.png,1,2", "img-01.png,1"]);

        var failed = await services.GetRequiredService<RunPipeline>().RunAsync("p", "manual", null, CancellationToken.None);

        var line = failed.Run!.Error!;
        Assert.StartsWith("embed: ", line);
        Assert.Contains("vectors.csv:2", line);
        Assert.DoesNotContain('\n', line);
        Assert.Equal($"run {failed.Run.Id} failed at {line}", failed.Message);
        var errors = log.Records.Where(r => r.Level >= LogLevel.Error).ToList();
        var error = Assert.Single(errors);
        Assert.Equal($"run {failed.Run.Id} failed at {line}", error.Message);
        Assert.Null(error.Exception);
        Assert.Contains(log.Records, r => r.Level == LogLevel.Debug && r.Exception is InvalidDataException);

        var output = new StringWriter();
        Assert.Equal(0, StatusCommand.Run(WriteStatusConfig(), "p", 10, output, new StringWriter()));
        Assert.Contains(line, output.ToString());
        var stores = services.GetRequiredService<StoreSet>();
        var page = Elfs.Host.Status.StatusPage.Html(stores, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Elfs.Host.Configuration.ElfsOptions>>().Value);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(line), page);
    }

    /// <summary>Every log record with its level and exception.</summary>
    private sealed class CapturedLog : ILoggerProvider, ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> records = new();

        public IReadOnlyList<(LogLevel Level, string Message, Exception? Exception)> Records => records.ToArray();

        public ILogger CreateLogger(string categoryName) => categoryName == typeof(RunPipeline).FullName ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            records.Enqueue((logLevel, formatter(state, exception), exception));

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task A_budget_larger_than_the_pool_allows_after_beta_is_lowered_with_a_warning_not_a_failed_run()
    {
        // The shipped LocalFolder example's Budget 300 and Beta 0.1 on a folder of 285 images (issue: this failed the run).
        const int images = 285;
        Directory.CreateDirectory(_temp.File("big"));
        var random = new Random(9);
        var ids = Enumerable.Range(0, images).Select(i => $"big-{i:000}.png").ToArray();
        foreach (var id in ids) File.WriteAllBytes(_temp.File("big/" + id), [1]);
        File.WriteAllLines(_temp.File("big.csv"), ids.Select((id, i) => id + "," + string.Join(",",
            Enumerable.Range(0, 8).Select(d => ((d == i % 3 ? 4.0 : 0.0) + random.NextDouble()).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)))));
        await using var services = Services(overrides: new()
        {
            ["Elfs:Projects:0:Folder"] = _temp.File("big"), ["Elfs:Projects:0:EncoderPath"] = _temp.File("big.csv"),
            ["Elfs:Projects:0:Budget"] = "300", ["Elfs:Projects:0:Beta"] = "0.1", ["Elfs:Projects:0:DuplicateThreshold"] = "0",
        });

        var run = await services.GetRequiredService<RunPipeline>().RunAsync("p", "manual", null, CancellationToken.None);

        Assert.True(run.Status == RunStatus.Completed, run.Message);
        var stores = services.GetRequiredService<StoreSet>();
        Assert.Equal(images - 29, stores.Selections.Queue(run.Run!.Id).Count);
        var metrics = System.Text.Json.JsonSerializer.Deserialize(stores.Runs.Get(run.Run.Id)!.Metrics!, HostJsonContext.Default.RunMetrics)!;
        Assert.Equal(29, metrics.HardPruned);
        Assert.Contains("budget 300 is more than the 285 unlabeled candidates allow after the 29 hardest are left out: 256 selected", metrics.BudgetWarning);
    }

    public void Dispose() => _temp.Dispose();
}
