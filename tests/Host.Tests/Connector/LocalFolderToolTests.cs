using System.Text.Json;
using Elfs.Connector;
using Elfs.Connector.LocalFolder;

namespace Elfs.Host.Tests.Connector;

public sealed class LocalFolderToolTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private LocalFolderTool Tool(long maxBytes = 1024)
    {
        Directory.CreateDirectory(_temp.File("img/sub"));
        File.WriteAllBytes(_temp.File("img/b.png"), [1, 2, 3]);
        File.WriteAllBytes(_temp.File("img/a.jpg"), [4, 5]);
        File.WriteAllBytes(_temp.File("img/sub/c.gif"), new byte[2000]);
        File.WriteAllText(_temp.File("img/notes.txt"), "not an image");
        File.WriteAllLines(_temp.File("img/labeled.txt"), ["# done", "b.png", "missing.png"]);
        Directory.CreateDirectory(_temp.File("img/elfs-queue"));
        File.WriteAllBytes(_temp.File("img/elfs-queue/old.png"), [9]);
        return new LocalFolderTool(new LocalFolderOptions { Folder = _temp.File("img"), MaxImageBytes = maxBytes });
    }

    [Fact]
    public async Task Lists_images_recursively_in_order_with_labeled_ones_marked()
    {
        var tool = Tool();
        var items = new List<SourceItem>();
        await foreach (var item in tool.ListItemsAsync(CancellationToken.None))
            items.Add(item);
        Assert.Equal(["a.jpg", "b.png", "sub/c.gif"], items.Select(i => i.ExternalId));
        Assert.Equal([false, true, false], items.Select(i => i.IsLabeled));
        var check = await tool.CheckAsync(CancellationToken.None);
        Assert.Contains("3 images, 2 listed as labeled", check.Description);
        Assert.Contains(check.Warnings, w => w.Contains("1 path(s)"));
    }

    [Fact]
    public async Task A_directory_symlink_loop_is_not_followed_and_a_linked_file_is_listed_once()
    {
        var tool = Tool();
        Directory.CreateSymbolicLink(_temp.File("img/sub/loop"), _temp.File("img"));
        Directory.CreateSymbolicLink(_temp.File("img/sub-link"), _temp.File("img/sub"));
        File.CreateSymbolicLink(_temp.File("img/z-copy.png"), _temp.File("img/b.png"));
        File.CreateSymbolicLink(_temp.File("img/y-outside.png"), _temp.File("outside.png"));
        File.WriteAllBytes(_temp.File("outside.png"), [7]);

        var items = new List<SourceItem>();
        await foreach (var item in tool.ListItemsAsync(CancellationToken.None))
            items.Add(item);

        // b.png and z-copy.png are one file; a link to an image outside the folder is the folder's own entry.
        Assert.Equal(["a.jpg", "b.png", "sub/c.gif", "y-outside.png"], items.Select(i => i.ExternalId));
        Assert.Contains("4 images", (await tool.CheckAsync(CancellationToken.None)).Description);
    }

    [Fact]
    public async Task Opening_checks_existence_and_size()
    {
        var tool = Tool(maxBytes: 1000);
        await using (var s = await tool.OpenImageAsync(new SourceItem("a.jpg", "", false, null), CancellationToken.None))
            Assert.Equal(2, s.Length);
        var big = await Assert.ThrowsAsync<ItemUnavailableException>(() => tool.OpenImageAsync(new SourceItem("sub/c.gif", "", false, null), CancellationToken.None));
        Assert.Contains("over the limit of 1000", big.Message);
        var gone = await Assert.ThrowsAsync<ItemUnavailableException>(() => tool.OpenImageAsync(new SourceItem("nope.png", "", false, null), CancellationToken.None));
        Assert.Equal("nope.png", gone.ExternalId);
        await Assert.ThrowsAsync<ItemUnavailableException>(() => tool.OpenImageAsync(new SourceItem("../../etc/passwd", "", false, null), CancellationToken.None));
    }

    [Fact]
    public async Task Push_writes_csv_and_json_rejects_missing_files_and_is_idempotent_per_run()
    {
        var tool = Tool();
        Priority[] queue =
        [
            new("sub/c.gif", 1, 0.0, 3, "first, because \"why\""),
            new("gone.png", 2, 0.33, 1, "deleted since"),
            new("a.jpg", 3, 0.66, 0, "third"),
        ];
        var receipt = await tool.PushAsync(new RunId("run-1"), queue, CancellationToken.None);
        Assert.Equal(2, receipt.Queued);
        Assert.Equal("gone.png", Assert.Single(receipt.Rejected).ExternalId);
        var csv = File.ReadAllLines(tool.QueueCsvPath);
        Assert.Equal(["rank,path,score,pseudo_label,reason", "1,sub/c.gif,0,3,\"first, because \"\"why\"\"\"", "2,a.jpg,0.66,0,third"], csv);
        var doc = tool.ReadQueue()!;
        Assert.Equal("run-1", doc.RunId);
        Assert.Equal(["sub/c.gif", "a.jpg"], doc.Items.Select(i => i.Path));

        var written = File.GetLastWriteTimeUtc(tool.QueueJsonPath);
        Thread.Sleep(20);
        await tool.PushAsync(new RunId("run-1"), queue, CancellationToken.None);
        Assert.Equal(written, File.GetLastWriteTimeUtc(tool.QueueJsonPath));

        await tool.PushAsync(new RunId("run-2"), [new Priority("a.jpg", 1, 0, 0, "only")], CancellationToken.None);
        using var json = JsonDocument.Parse(File.ReadAllText(tool.QueueJsonPath));
        Assert.Equal("run-2", json.RootElement.GetProperty("runId").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(2, File.ReadAllLines(tool.QueueCsvPath).Length);
    }

    public void Dispose() => _temp.Dispose();
}
