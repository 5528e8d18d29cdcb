using System.Diagnostics;
using Elfs.Connector.Http;
using Microsoft.AspNetCore.Http;

namespace Elfs.Connector.Tests.Cvat;

/// <summary>Issue 12, bugs 2 and 3: a stalled body and <c>MaxRetries = 0</c> are bounded by <c>RequestTimeout</c>.</summary>
public sealed class CvatTimeoutTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private static void Fast(Elfs.Connector.Cvat.CvatOptions o, int retries) => o.Http = new ConnectorHttpOptions
    {
        RequestTimeout = TimeSpan.FromMilliseconds(500), MaxRetries = retries, BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(20),
    };

    /// <summary>Headers and the first bytes of a body, then nothing until the client gives up.</summary>
    private static async Task<bool> StallAfterHeaders(HttpContext c, string contentType, byte[] start)
    {
        c.Response.StatusCode = 200;
        c.Response.ContentType = contentType;
        c.Response.ContentLength = start.Length + 1000;
        await c.Response.Body.WriteAsync(start);
        await c.Response.Body.FlushAsync();
        try { await Task.Delay(TimeSpan.FromSeconds(60), c.RequestAborted); }
        catch (OperationCanceledException) { }
        return true;
    }

    [Fact]
    public async Task A_json_body_that_stalls_mid_stream_times_out_per_attempt_and_is_retried()
    {
        await using var kit = await CvatTestKit.StartAsync();
        kit.Fake.AddTask(1, "a", 2, 2);
        kit.Fake.SlowFault = c => c.Request.Path == "/api/tasks"
            ? StallAfterHeaders(c, "application/vnd.cvat+json", "{\"count\": 1, \"results\": ["u8.ToArray())
            : Task.FromResult(false);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<LabelingToolException>(() => CvatTestKit.ListAsync(kit.Tool(o => Fast(o, 1))).WaitAsync(Bound));

        Assert.Contains("no answer within 00:00:00.5", error.Message);
        Assert.Equal(2, kit.Fake.Recorded.Count(r => r.Path == "/api/tasks"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_frame_whose_body_stalls_is_an_unavailable_item_within_the_request_timeout()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var task = kit.Fake.AddTask(1, "a", 2, 2);
        kit.Fake.PrepareChunksFirst = false;
        kit.Fake.SlowFault = c => c.Request.Path == $"/api/tasks/{task.Id}/data"
            ? StallAfterHeaders(c, "image/png", [0x89, 0x50])
            : Task.FromResult(false);
        var tool = kit.Tool(o => Fast(o, 1));

        var error = await Assert.ThrowsAsync<ItemUnavailableException>(() =>
            tool.OpenImageAsync(new SourceItem($"{task.Id}:0", "x", false, null), default).WaitAsync(Bound));

        Assert.Contains("RequestTimeout", error.Reason);
    }

    [Fact]
    public async Task With_no_retries_the_request_timeout_still_bounds_a_request_that_gets_no_answer()
    {
        await using var kit = await CvatTestKit.StartAsync();
        kit.Fake.SlowFault = async c =>
        {
            if (c.Request.Path != "/api/server/about") return false;
            try { await Task.Delay(TimeSpan.FromSeconds(60), c.RequestAborted); }
            catch (OperationCanceledException) { }
            return true;
        };
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<LabelingToolException>(() => kit.Tool(o => Fast(o, 0)).CheckAsync(default).WaitAsync(Bound));

        Assert.Contains("no answer within 00:00:00.5", error.Message);
        Assert.Single(kit.Fake.Recorded, r => r.Path == "/api/server/about");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }
}
