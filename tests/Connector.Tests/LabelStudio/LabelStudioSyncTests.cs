using System.Web;

namespace Elfs.Connector.Tests.LabelStudio;

public class LabelStudioSyncTests
{
    private static async Task<List<SourceItem>> ListAll(ILabelingTool tool)
    {
        var items = new List<SourceItem>();
        await foreach (var item in tool.ListItemsAsync(CancellationToken.None)) items.Add(item);
        return items;
    }

    [Fact]
    public async Task ListsUnlabeledTasksThenLabeledOnesPageByPageWithTheUnlabeledFilter()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(25, labeledEvery: 4);
        using var tool = (IDisposable)h.Tool();

        var items = await ListAll((ILabelingTool)tool);

        var unlabeled = Enumerable.Range(1, 25).Where(i => i % 4 != 0).Select(i => i.ToString()).ToList();
        var labeled = Enumerable.Range(1, 25).Where(i => i % 4 == 0).Select(i => i.ToString()).ToList();
        Assert.Equal(unlabeled.Concat(labeled), items.Select(i => i.ExternalId));
        Assert.All(items, i => Assert.Equal(int.Parse(i.ExternalId) % 4 == 0, i.IsLabeled));
        Assert.Equal("/data/upload/7/img3.png", items.Single(i => i.ExternalId == "3").ImageRef);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), items[0].UpdatedAt);

        var pages = h.Fake.Server.Requests.Where(r => r.Path == "/api/tasks/").ToList();
        Assert.Equal(3, pages.Count); // 19 unlabeled = 2 pages of 10, 6 labeled = 1 page; the totals end each scan
        Assert.All(pages, p =>
        {
            var q = HttpUtility.ParseQueryString(p.Query);
            Assert.Equal("7", q["project"]);
            Assert.Equal("task_only", q["fields"]);
            Assert.Equal("10", q["page_size"]);
            Assert.Equal("false", q["resolve_uri"]);
            Assert.Contains("\"filter\":\"filter:tasks:is_labeled\"", q["query"]);
            Assert.Contains("\"ordering\":[\"tasks:id\"]", q["query"]);
        });
        Assert.Contains("\"value\":false", HttpUtility.ParseQueryString(pages[0].Query)["query"]);
        Assert.Contains("\"value\":true", HttpUtility.ParseQueryString(pages[^1].Query)["query"]);
    }

    [Fact]
    public async Task APagePastTheEndEndsTheScanAndATaskLabeledMidScanIsReportedOnce()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(30);
        var tool = h.Tool();
        var items = new List<SourceItem>();
        await foreach (var item in tool.ListItemsAsync(CancellationToken.None))
        {
            items.Add(item);
            if (items.Count == 1)
                for (var id = 11; id <= 30; id++) h.Fake.DeleteTask(id); // page 2 no longer exists: 404 "Invalid page."
        }
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString()), items.Select(i => i.ExternalId));
        Assert.Contains(h.Fake.Server.Requests, r => r.Path == "/api/tasks/" && r.StatusCode == 404);
        Assert.Equal(items.Count, items.Select(i => i.ExternalId).Distinct().Count());
    }

    [Fact]
    public async Task CancellationStopsTheScan()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(30);
        using var cts = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in h.Tool().ListItemsAsync(cts.Token))
                if (++seen == 5) await cts.CancelAsync();
        });
        Assert.Equal(1, h.Fake.Server.Requests.Count(r => r.Path == "/api/tasks/"));
    }

    [Fact]
    public async Task CheckReadsTheClassCountAndImageKeyFromTheLabelConfigAndNamesWhatToFix()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(3);
        h.Fake.Project.LabelConfig = """
            <View><Header value="Pick"/><Image name="photo" value="$picture" zoom="true"/>
              <RectangleLabels name="box" toName="other"><Label value="x"/></RectangleLabels>
              <Choices name="cls" toName="photo" choice="single"><Choice value="cat"/><Choice value="dog"/><Choice value="fox"/><Choice value="owl"/></Choices>
            </View>
            """;
        h.Fake.Project.ShowCollabPredictions = false;
        h.Fake.Project.MaximumAnnotations = 2;
        h.Fake.Project.ModelVersion = "someone-elses-model";
        h.Fake.AddPrediction(1, 0.5, "elfs-run1");

        var check = await h.Tool().CheckAsync(CancellationToken.None);

        Assert.Equal(4, check.ClassCount);
        Assert.Contains("Label Studio 1.22.0, project 7 'Fashion' (3 tasks), images in data.picture", check.Description);
        Assert.Contains(check.Warnings, w => w.Contains("sampling is 'Sequential sampling'") && w.Contains("Uncertainty sampling"));
        Assert.Contains(check.Warnings, w => w.Contains("show_collab_predictions") && w.Contains("Settings > Annotation"));
        Assert.Contains(check.Warnings, w => w.Contains("2 annotations") && w.Contains("Overlap"));
        Assert.Contains(check.Warnings, w => w.Contains("'someone-elses-model'") && w.Contains("elfs-run1"));
        Assert.Equal(4, h.Logs.Lines.Count(l => l.StartsWith("Warning: Label Studio project 7:")));
    }

    [Fact]
    public async Task ClassesAndImageKeyFromConfigurationWinAndAMissingImageTagNamesTheSetting()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.Fake.Project.LabelConfig = """<View><Text name="t" value="$text"/></View>""";
        var e = await Assert.ThrowsAsync<LabelingToolException>(() => h.Tool().CheckAsync(CancellationToken.None));
        Assert.Contains("LabelStudio:ImageKey", e.Message);

        var check = await h.Tool(change: o => { o.ImageKey = "text"; o.Classes = 5; }).CheckAsync(CancellationToken.None);
        Assert.Equal(5, check.ClassCount);
        Assert.Contains("data.text", check.Description);
    }
}
