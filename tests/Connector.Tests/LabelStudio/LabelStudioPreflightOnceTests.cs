namespace Elfs.Connector.Tests.LabelStudio;

/// <summary>Issue 13 item 7: a run's check, sync and push on one tool inspect the project once (and warn once).</summary>
public class LabelStudioPreflightOnceTests
{
    [Fact]
    public async Task CheckListAndPushOnOneToolInspectTheProjectOnceAndWarnOnce()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.AddUploadTasks(6);
        var tool = h.Tool();

        var check = await tool.CheckAsync(CancellationToken.None);
        await foreach (var _ in tool.ListItemsAsync(CancellationToken.None)) { }
        await tool.PushAsync(new RunId("run-1"), [new Priority("2", 1, 0, 0, "test"), new Priority("5", 2, 0.5, 1, "test")], CancellationToken.None);

        // One read for the preflight (check), one at push time for the sampling and model versions it changes.
        Assert.Equal(2, h.Fake.Server.Requests.Count(r => r.Method == "GET" && r.Path == $"/api/projects/{h.Fake.Project.Id}/"));
        Assert.NotEmpty(check.Warnings);
        foreach (var warning in check.Warnings)
            Assert.Single(h.Logs.Lines, l => l.Contains(warning, StringComparison.Ordinal));
    }
}
