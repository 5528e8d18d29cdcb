using System.Diagnostics;
using System.Globalization;
using Elfs.Connector;
using Elfs.Connector.LabelStudio;
using Elfs.Connector.Tests.LabelStudio.Fake;
using Microsoft.Extensions.DependencyInjection;

namespace Elfs.Benchmarks;

/// <summary>
/// Sync of N tasks and push of N predictions through the real connector against the fake Label Studio of the
/// connector tests on 127.0.0.1 (page size 500, import chunks of 500): wall time and request count; then a re-push of
/// the same run (idempotent: no import) and a push of a second run (switch + deletion of the first run's predictions).
/// Options: <c>--tasks N</c> (default 100,000), <c>--labeled-every K</c> (every K-th task labeled; default 0 = none).
/// </summary>
internal static class LabelStudioBenchmark
{
    public static int Run(string[] args)
    {
        var tasks = Option(args, "--tasks", 100_000);
        var labeledEvery = Option(args, "--labeled-every", 0);
        return RunAsync(tasks, labeledEvery).GetAwaiter().GetResult();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static async Task<int> RunAsync(int count, int labeledEvery)
    {
        await using var fake = await FakeLabelStudio.StartAsync(recordBodies: false);
        for (var id = 1; id <= count; id++) fake.AddTask(id, fake.UploadRef($"img{id}.png"), labeled: labeledEvery > 0 && id % labeledEvery == 0);
        const string variable = "ELFS_BENCH_LS_TOKEN";
        Environment.SetEnvironmentVariable(variable, fake.LegacyToken);
        var options = new LabelStudioOptions { Url = fake.BaseUri.ToString(), TokenEnv = variable, ProjectId = fake.Project.Id };
        var registrations = new ServiceCollection().AddLogging();
        registrations.AddLabelStudioProject("LabelStudio", _ => options);
        await using var services = registrations.BuildServiceProvider();
        using var tool = (IDisposable)services.GetRequiredService<LabelStudioToolFactory>().Create("LabelStudio");
        var labelingTool = (ILabelingTool)tool;

        var items = new List<SourceItem>(count);
        var sync = await Measure(fake, async () =>
        {
            await foreach (var item in labelingTool.ListItemsAsync(CancellationToken.None)) items.Add(item);
        });
        Report($"sync of {count:N0} tasks ({items.Count(i => !i.IsLabeled):N0} unlabeled)", items.Count, sync);

        var queue = items.Where(i => !i.IsLabeled).Select((i, rank) => new Priority(i.ExternalId, rank + 1, 0, 0, "")).Reverse()
            .Select((p, i) => p with { Rank = i + 1 }).ToList();
        PushReceipt receipt = null!;
        var push = await Measure(fake, async () => receipt = await labelingTool.PushAsync(new RunId("bench-1"), queue, CancellationToken.None));
        Report($"push of {queue.Count:N0} predictions", receipt.Queued, push);
        var again = await Measure(fake, async () => receipt = await labelingTool.PushAsync(new RunId("bench-1"), queue, CancellationToken.None));
        Report("re-push of the same run (idempotent)", receipt.Queued, again);
        var next = await Measure(fake, async () => receipt = await labelingTool.PushAsync(new RunId("bench-2"), queue, CancellationToken.None));
        Report("push of a second run (switch + delete the first)", receipt.Queued, next);
        Console.WriteLine($"predictions stored at the end: {fake.Predictions.Count:N0} (model_version {fake.Project.ModelVersion})");
        return receipt.Queued == queue.Count && fake.Predictions.Count == queue.Count ? 0 : 1;
    }

    private static async Task<(TimeSpan Wall, int Requests, TimeSpan Server)> Measure(FakeLabelStudio fake, Func<Task> work)
    {
        var before = fake.Server.RequestCount;
        var serverBefore = fake.Server.HandlerTime;
        var clock = Stopwatch.StartNew();
        await work();
        return (clock.Elapsed, fake.Server.RequestCount - before, fake.Server.HandlerTime - serverBefore);
    }

    private static void Report(string what, int items, (TimeSpan Wall, int Requests, TimeSpan Server) m) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {items:N0} items, {m.Wall.TotalSeconds:F2} s wall (fake server handlers {m.Server.TotalSeconds:F2} s), " +
            $"{m.Requests:N0} requests, {items / m.Wall.TotalSeconds:N0} items/s"));
}
