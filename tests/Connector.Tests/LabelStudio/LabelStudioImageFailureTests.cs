using System.Net;
using System.Net.Sockets;

namespace Elfs.Connector.Tests.LabelStudio;

/// <summary>Issue 12, bug 4: failing to reach one image is that item's problem, not a tool outage.</summary>
public sealed class LabelStudioImageFailureTests
{
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task An_image_host_that_refuses_connections_makes_the_item_unavailable()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        var url = $"http://127.0.0.1:{ClosedPort()}/bucket/x.png";
        h.Fake.AddTask(1, url);
        var tool = h.Tool();

        var error = await Assert.ThrowsAsync<ItemUnavailableException>(() => tool.OpenImageAsync(new SourceItem("1", url, false, null), default));

        Assert.Equal("1", error.ExternalId);
        Assert.Contains("failed after 3 retries", error.Reason);
    }
}
