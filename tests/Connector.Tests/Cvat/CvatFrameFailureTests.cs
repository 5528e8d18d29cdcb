using Microsoft.AspNetCore.Http;

namespace Elfs.Connector.Tests.Cvat;

/// <summary>Issue 12, bug 4: a frame that cannot be read after retries is an unavailable item; the breaker still stops an outage.</summary>
public sealed class CvatFrameFailureTests
{
    [Fact]
    public async Task A_frame_that_keeps_failing_is_an_unavailable_item_and_the_next_frame_is_still_read()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var task = kit.Fake.AddTask(1, "a", 2, 2);
        kit.Fake.PrepareChunksFirst = false;
        kit.Fake.Fault = c =>
        {
            if (c.Request.Path != $"/api/tasks/{task.Id}/data" || c.Request.Query["number"] != "0") return false;
            c.Abort(); // the connection drops: no answer at all
            return true;
        };
        var tool = kit.Tool();

        var error = await Assert.ThrowsAsync<ItemUnavailableException>(() => tool.OpenImageAsync(new SourceItem($"{task.Id}:0", "x", false, null), default));
        await using var next = await tool.OpenImageAsync(new SourceItem($"{task.Id}:1", "y", false, null), default);

        Assert.Equal($"{task.Id}:0", error.ExternalId);
        Assert.Contains("failed after 3 retries", error.Reason);
        Assert.True(next.Length > 0);
    }
}
