using System.Net;
using Elfs.Connector.Http;
using Elfs.Connector.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Elfs.Connector.Tests.Http;

/// <summary>Issue 12, bug 3: when the breaker trips, the transient answer that tripped it is disposed, not left behind.</summary>
public sealed class BreakerDisposalTests
{
    /// <summary>Wraps each real answer's content so the test sees whether it was disposed.</summary>
    private sealed class TrackingHandler(List<TrackedContent> seen) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var tracked = new TrackedContent(response.Content);
            lock (seen) seen.Add(tracked);
            response.Content = tracked;
            return response;
        }
    }

    private sealed class TrackedContent(HttpContent inner) : HttpContent
    {
        public bool Disposed { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    [Fact]
    public async Task The_answer_that_trips_the_breaker_is_disposed_and_so_are_the_retried_ones()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/thing", () => Results.StatusCode(503)));
        var seen = new List<TrackedContent>();
        var options = new ConnectorHttpOptions
        {
            MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), CircuitBreakAfter = 1,
        };
        var services = new ServiceCollection().AddLogging();
        services.AddHttpClient("test", c => c.BaseAddress = server.BaseUri)
            .AddConnectorResilience(_ => options, "test")
            .AddHttpMessageHandler(() => new TrackingHandler(seen));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("test");

        var error = await Assert.ThrowsAsync<LabelingToolException>(() => client.GetAsync("thing"));

        Assert.Contains("CircuitBreakAfter", error.Message);
        Assert.Equal(3, seen.Count);
        Assert.All(seen, c => Assert.True(c.Disposed));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (HttpStatusCode)server.Requests[^1].StatusCode);
    }
}
