using System.Globalization;
using System.Text;
using Elfs.Host.Cli;
using Elfs.Host.Reports;
using Elfs.Host.Runs;
using Elfs.Host.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Elfs.Host.Tests.Reports;

/// <summary>Every skipped item reaches the report and a CSV beside the queue, with its reason.</summary>
public sealed class SkippedItemsReportTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task A_run_lists_every_skipped_item_with_its_reason_in_the_report_and_in_skipped_csv()
    {
        // 40 images; 25 of them (more than the 20 the log names one by one) have no precomputed vector.
        Directory.CreateDirectory(_temp.File("images"));
        var ids = Enumerable.Range(0, 40).Select(i => i == 3 ? "odd, \"name\".png" : $"img-{i:00}.png").ToList();
        foreach (var id in ids)
            File.WriteAllBytes(_temp.File("images/" + id), [1]);
        var random = new Random(2);
        var c = CultureInfo.InvariantCulture;
        File.WriteAllLines(_temp.File("vectors.csv"), ids.Skip(25).Select((id, k) =>
            id + "," + string.Join(",", Enumerable.Range(0, 4).Select(d => ((d == k % 2 ? 3.0 : 0.0) + random.NextDouble()).ToString("0.####", c)))));
        await using var services = CliHost.Services(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Elfs:Storage:Path"] = _temp.File("elfs.db"),
            ["Elfs:Engine:Device"] = "cpu",
            ["Elfs:Engine:Threads"] = "1",
            ["Elfs:Engine:ClusteringEpochs"] = "4",
            ["Elfs:Engine:ProxyEpochs"] = "4",
            ["Elfs:Projects:0:Name"] = "p",
            ["Elfs:Projects:0:Folder"] = _temp.File("images"),
            ["Elfs:Projects:0:OutputPath"] = _temp.File("queue"),
            ["Elfs:Projects:0:Budget"] = "4",
            ["Elfs:Projects:0:Beta"] = "0",
            ["Elfs:Projects:0:Clusters"] = "2",
            ["Elfs:Projects:0:Encoder"] = "precomputed",
            ["Elfs:Projects:0:EncoderPath"] = _temp.File("vectors.csv"),
        }).Build(), LogLevel.Warning);

        var outcome = await services.GetRequiredService<RunPipeline>().RunAsync("p", "manual", null, CancellationToken.None);

        Assert.True(outcome.Status == RunStatus.Completed, outcome.Message);
        var skipped = ids.Take(25).Order(StringComparer.Ordinal).ToList();
        var reason = $"no precomputed vector for this item in {_temp.File("vectors.csv")}";
        var csv = File.ReadAllText(_temp.File("queue/skipped.csv"), Encoding.UTF8);
        var expected = new StringBuilder("id,reason\n");
        foreach (var id in skipped)
            expected.Append(id.Contains(',') ? "\"odd, \"\"name\"\".png\"" : id).Append(',').Append(reason).Append('\n');
        Assert.Equal(expected.ToString(), csv);
        var html = await File.ReadAllTextAsync(_temp.File("queue/report.html"));
        Assert.Contains("<h2>Skipped images (25)</h2>", html);
        Assert.Contains($"<tr><td>{System.Net.WebUtility.HtmlEncode(reason)}</td><td>25</td></tr>", html);
        foreach (var id in skipped)
            Assert.Contains($"<tr><td><code>{System.Net.WebUtility.HtmlEncode(id)}</code></td>", html);
        Assert.Contains("skipped.csv", html);
    }

    [Fact]
    public void Past_the_listed_rows_the_section_says_how_many_more_and_where_they_are()
    {
        var items = Enumerable.Range(0, SkippedItemsSection.ListedItems + 7)
            .Select(i => new RunItem($"x{i:0000}.png", "", null, null, i % 2 == 0 ? "truncated file" : "too large")).ToList();
        var sb = new StringBuilder();

        SkippedItemsSection.Append(sb, items, "skipped.csv");

        var html = sb.ToString();
        Assert.Contains("<p id=\"skipped-more\">… and 7 more (all in <code>skipped.csv</code>).</p>", html);
        Assert.Contains("<tr><td>truncated file</td><td>254</td></tr><tr><td>too large</td><td>253</td></tr>", html);
        Assert.Equal(SkippedItemsSection.ListedItems, html.Split("<tr><td><code>").Length - 1);
    }

    [Fact]
    public void No_skipped_item_no_section()
    {
        var sb = new StringBuilder();
        SkippedItemsSection.Append(sb, [], "skipped.csv");
        Assert.Equal("", sb.ToString());
    }

    public void Dispose() => _temp.Dispose();
}
