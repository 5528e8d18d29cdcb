using System.Diagnostics;
using System.Globalization;
using Elfs.Connector;
using Elfs.Connector.Cvat;
using Elfs.Connector.Tests.Cvat.Fake;
using Microsoft.Extensions.DependencyInjection;

namespace Elfs.Benchmarks;

/// <summary>
/// The CVAT connector against the loopback fake CVAT of the tests: a full sync of 50 tasks × 1,000 frames (jobs of 100,
/// a fifth completed, 1% deleted) and pushes of 5,000 frames by reference (server share) and by re-upload (16 KiB
/// images, frames downloaded from 50 pool tasks, each task's first frame answered 429 Retry-After: 1 like CVAT).
/// Reports wall time and HTTP requests. Options: --tasks N --frames N --push N --image-bytes N --no-429.
/// </summary>
internal static class CvatBenchmark
{
    public static int Run(string[] args)
    {
        var tasks = Option(args, "--tasks", 50);
        var frames = Option(args, "--frames", 1000);
        var push = Option(args, "--push", 5000);
        var imageBytes = Option(args, "--image-bytes", 16 * 1024);
        var prepare429 = !args.Contains("--no-429");
        return RunAsync(tasks, frames, push, imageBytes, prepare429).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int tasks, int frames, int push, int imageBytes, bool prepare429)
    {
        var env = "ELFS_BENCH_CVAT_TOKEN";
        await using (var fake = await FakeCvat.StartAsync(recordBodies: false))
        {
            Environment.SetEnvironmentVariable(env, fake.Token);
            fake.PrepareChunksFirst = prepare429;
            Populate(fake, tasks, frames, imageBytes, "local");
            await using var services = Services(fake, env);
            var tool = services.GetRequiredService<CvatToolFactory>().Create("Cvat", new InMemoryCvatPlacementLedger());

            var (items, syncSeconds, syncRequests) = await Measure(fake, async () =>
            {
                var list = new List<SourceItem>();
                await foreach (var item in tool.ListItemsAsync(default)) list.Add(item);
                return list;
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sync: {items.Count:N0} frames ({items.Count(i => !i.IsLabeled):N0} unlabeled) in {tasks} tasks: {syncSeconds:F2} s, {syncRequests} requests, {items.Count / syncSeconds:N0} frames/s"));

            var queue = Queue(items, push);
            var (receipt, uploadSeconds, uploadRequests) = await Measure(fake, () => tool.PushAsync(new RunId("bench-upload"), queue, default));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"push by re-upload: {receipt.Queued:N0} frames of {imageBytes / 1024} KiB (429 on first frame per task: {prepare429}): {uploadSeconds:F2} s, {uploadRequests} requests"));
        }

        await using (var fake = await FakeCvat.StartAsync(recordBodies: false))
        {
            Environment.SetEnvironmentVariable(env, fake.Token);
            Populate(fake, tasks, frames, imageBytes, "share");
            await using var services = Services(fake, env);
            var tool = services.GetRequiredService<CvatToolFactory>().Create("Cvat", new InMemoryCvatPlacementLedger());
            var items = new List<SourceItem>();
            await foreach (var item in tool.ListItemsAsync(default)) items.Add(item);
            var queue = Queue(items, push);
            var (receipt, seconds, requests) = await Measure(fake, () => tool.PushAsync(new RunId("bench-reference"), queue, default));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"push by reference (share): {receipt.Queued:N0} frames: {seconds:F2} s, {requests} requests"));
            var (again, againSeconds, againRequests) = await Measure(fake, () => tool.PushAsync(new RunId("bench-reference"), queue, default));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"re-push of the same run (verify only): {again.Queued:N0} frames: {againSeconds:F2} s, {againRequests} requests"));
        }
        Environment.SetEnvironmentVariable(env, null);
        return 0;
    }

    private static ServiceProvider Services(FakeCvat fake, string env)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCvatProject("Cvat", _ => Options(fake, env));
        return services.BuildServiceProvider();
    }

    private static CvatOptions Options(FakeCvat fake, string env) => new()
    {
        Url = fake.Url,
        TokenEnv = env,
        ProjectId = 1,
        AnnotationProjectId = 2,
        SegmentSize = 50,
        PollInterval = TimeSpan.FromMilliseconds(100),
    };

    private static void Populate(FakeCvat fake, int tasks, int frames, int imageBytes, string storage)
    {
        for (var t = 0; t < tasks; t++)
        {
            var task = fake.AddTask(1, $"pool {t}", frames, 100, storage, imageBytes: imageBytes);
            for (var f = 0; f < frames; f += 100) task.Deleted.Add(f);
            foreach (var job in fake.JobsOf(task.Id).Where((_, i) => i % 5 == 0)) job.State = "completed";
        }
    }

    /// <summary>Every n-th unlabeled item, spread over all tasks, ranked by a fixed permutation.</summary>
    private static List<Priority> Queue(List<SourceItem> items, int count)
    {
        var unlabeled = items.Where(i => !i.IsLabeled).ToList();
        var step = Math.Max(1, unlabeled.Count / count);
        var chosen = unlabeled.Where((_, i) => i % step == 0).Take(count).ToList();
        var ranks = Enumerable.Range(1, chosen.Count).OrderBy(r => (r * 7919L) % chosen.Count).ToList();
        return chosen.Select((item, i) => new Priority(item.ExternalId, ranks[i], ranks[i] / (double)chosen.Count, i % 10, "benchmark")).ToList();
    }

    private static async Task<(T Result, double Seconds, int Requests)> Measure<T>(FakeCvat fake, Func<Task<T>> action)
    {
        var before = fake.Seen.Count;
        var watch = Stopwatch.StartNew();
        var result = await action();
        return (result, watch.Elapsed.TotalSeconds, fake.Seen.Count - before);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
