using Elfs.Host.Tests;
using System.Globalization;
using System.Text.Json;
using Elfs.Connector.LocalFolder;
using Elfs.Host.Runs;
using Elfs.Host.Storage;

namespace Elfs.EndToEnd.Tests;

/// <summary>
/// One test's LocalFolder project over the shared images: its own store, queue folder and labeled list, written as a
/// configuration file the real program reads.
/// </summary>
public sealed class Scenario : IDisposable
{
    public const string Project = "e2e";

    private readonly TempFolder _temp = new();

    public Scenario(FashionImages images, int labeledEvery = 10, string budget = "0.2", string encoder = "builtin", string? encoderPath = null)
    {
        Images = images;
        LabeledIds = images.Files.Where((_, i) => i % labeledEvery == 0).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        File.WriteAllLines(LabeledFile, LabeledIds);
        Budget = budget;
        Settings = new Dictionary<string, string?>
        {
            ["Elfs:Storage:Path"] = StorePath,
            ["Elfs:Engine:Threads"] = "2",
            ["Elfs:Engine:Device"] = "cpu",
            ["Elfs:Engine:Seed"] = "3",
            ["Elfs:Engine:ClusteringEpochs"] = "8",
            ["Elfs:Engine:ProxyEpochs"] = "8",
            ["Elfs:StatusPage:Port"] = "0",
            ["Elfs:Projects:0:Name"] = Project,
            ["Elfs:Projects:0:Tool"] = "LocalFolder",
            ["Elfs:Projects:0:Folder"] = images.Folder,
            ["Elfs:Projects:0:OutputPath"] = QueueFolder,
            ["Elfs:Projects:0:LabeledFile"] = LabeledFile,
            ["Elfs:Projects:0:Budget"] = budget,
            ["Elfs:Projects:0:Beta"] = "0.1",
            ["Elfs:Projects:0:Clusters"] = "4",
            ["Elfs:Projects:0:Encoder"] = encoder,
            ["Elfs:Projects:0:EncoderPath"] = encoderPath,
            ["Elfs:Projects:0:Schedule"] = "0 2 * * *",
            ["Elfs:Projects:0:TimeZone"] = "UTC",
        };
        WriteConfig();
    }

    public FashionImages Images { get; }

    public string Budget { get; }

    public IReadOnlySet<string> LabeledIds { get; }

    public Dictionary<string, string?> Settings { get; }

    public string Folder => _temp.Path;

    public string StorePath => _temp.File("elfs.db");

    public string QueueFolder => _temp.File("queue");

    public string LabeledFile => _temp.File("labeled.txt");

    public string ConfigPath => _temp.File("appsettings.json");

    public int Unlabeled => Images.Files.Count - LabeledIds.Count;

    public void WriteConfig()
    {
        var root = new Dictionary<string, object?>();
        foreach (var (key, value) in Settings)
        {
            var parts = key.Split(':');
            var node = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (!node.TryGetValue(parts[i], out var child))
                    node[parts[i]] = child = new Dictionary<string, object?>();
                node = (Dictionary<string, object?>)child!;
            }
            node[parts[^1]] = value;
        }
        File.WriteAllText(ConfigPath, JsonSerializer.Serialize(Arrays(root)));
    }

    public StoreSet Stores() => new(new ElfsStore(StorePath));

    public QueueDocument Queue() => new LocalFolderTool(new LocalFolderOptions { Folder = Images.Folder, OutputPath = QueueFolder }).ReadQueue()
                                    ?? throw new InvalidOperationException("no queue.json");

    public int ExpectedQueueLength => Elfs.Host.Configuration.Budget.TryParse(Budget, out var b, out _) ? b.Resolve(Unlabeled) : throw new InvalidOperationException();

    public ElfsProcess Start(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        ElfsProcess.Start(Folder, environment, ["--config", ConfigPath, .. args]);

    public void Dispose() => _temp.Dispose();

    // Configuration arrays are objects keyed 0, 1, ... in the flat form; JSON needs real arrays for Projects.
    private static object? Arrays(object? node)
    {
        if (node is not Dictionary<string, object?> map)
            return node;
        if (map.Count > 0 && map.Keys.All(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            return map.OrderBy(kv => int.Parse(kv.Key, CultureInfo.InvariantCulture)).Select(kv => Arrays(kv.Value)).ToList();
        return map.ToDictionary(kv => kv.Key, kv => Arrays(kv.Value));
    }
}
