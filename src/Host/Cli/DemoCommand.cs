using System.CommandLine;
using System.Globalization;
using Elfs.Host.Configuration;
using Elfs.Engine.IO;
using Elfs.Host.Demo;
using Microsoft.Extensions.Configuration;

namespace Elfs.Host.Cli;

/// <summary>
/// <c>elfs demo</c>: the first-run experience. Exports Fashion-MNIST images to a folder as PNG, marks a tenth of them
/// as labeled, configures a LocalFolder project on it, runs once and prints where the queue and the report are.
/// </summary>
public static class DemoCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var folder = new Option<string>("--folder") { Description = "Working folder (images, store, queue).", DefaultValueFactory = _ => ".demo" };
        var count = new Option<int>("--count") { Description = "Fashion-MNIST test images to export.", DefaultValueFactory = _ => 2000 };
        var budget = new Option<string>("--budget") { Description = "Budget: a count or a fraction of the unlabeled images.", DefaultValueFactory = _ => "0.1" };
        var device = new Option<string>("--device") { Description = "auto, cpu, cuda or cuda:N.", DefaultValueFactory = _ => "auto" };
        var command = new Command("demo", "Export Fashion-MNIST images to a folder, run a LocalFolder project on them once, print where the queue and report are.")
        {
            folder, count, budget, device,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(folder)!, parse.GetValue(count), parse.GetValue(budget)!, parse.GetValue(device)!,
            FashionMnist.DefaultDirectory, Console.Out, Console.Error, ct));
        return command;
    }

    /// <summary>Runs the demo; returns the exit code.</summary>
    public static async Task<int> RunAsync(string folder, int count, string budget, string device, string datasetDirectory,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (count is < 20 or > 10000)
        {
            error.WriteLine($"error: --count {count} is not in 20..10000");
            return 1;
        }
        var root = Path.GetFullPath(folder);
        var images = Path.Combine(root, "images");
        IReadOnlyList<string> files;
        try
        {
            files = DemoImages.ExportPng(images, count, datasetDirectory);
        }
        catch (FileNotFoundException e)
        {
            error.WriteLine("error: " + e.Message);
            return 1;
        }
        // Every tenth image counts as already labeled, to show that labeled images are never queued.
        await File.WriteAllLinesAsync(Path.Combine(images, "labeled.txt"),
            files.Where((_, i) => i % 10 == 0).Select(Path.GetFileName).OfType<string>(), cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exported {files.Count} Fashion-MNIST images to {images} ({(files.Count + 9) / 10} listed in labeled.txt)"));

        var settings = Settings(root, images, budget, device);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = ElfsConfiguration.Bind(configuration, out var problems);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
                error.WriteLine("error: " + problem.Replace("Elfs:Projects:0:Budget", "--budget", StringComparison.Ordinal));
            return 1;
        }
        var code = await RunOnceCommand.RunAsync(new LoadedConfiguration(configuration, options), "demo", "demo", output, error, cancellationToken);
        if (code == 0)
        {
            var queue = Path.Combine(root, "queue");
            output.WriteLine($"queue:  {Path.Combine(queue, "queue.csv")} (and queue.json)");
            output.WriteLine($"report: {Path.Combine(queue, "report.html")}");
        }
        return code;
    }

    /// <summary>The demo's configuration: one LocalFolder project named "demo".</summary>
    public static Dictionary<string, string?> Settings(string root, string images, string budget, string device) => new()
    {
        ["Elfs:Storage:Path"] = Path.Combine(root, "elfs.db"),
        ["Elfs:Engine:Device"] = device,
        ["Elfs:Projects:0:Name"] = "demo",
        ["Elfs:Projects:0:Tool"] = "LocalFolder",
        ["Elfs:Projects:0:Folder"] = images,
        ["Elfs:Projects:0:OutputPath"] = Path.Combine(root, "queue"),
        ["Elfs:Projects:0:Budget"] = budget,
        ["Elfs:Projects:0:Beta"] = "0.1",
        ["Elfs:Projects:0:Clusters"] = "10",
        ["Elfs:Projects:0:Encoder"] = "builtin",
    };
}
