using System.Net;
using Elfs.Connector.Http;
using Elfs.Connector.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Elfs.Connector.Tests.Http;

/// <summary>The connector resilience handler (AddResilienceHandler) on a named client, over real HTTP.</summary>
public class ConnectorResilienceTests
{
    private static readonly ConnectorHttpOptions Fast = new()
    {
        MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), CircuitBreakAfter = 2,
    };

    internal static (ServiceProvider Services, HttpClient Client) Client(Uri baseUri, ConnectorHttpOptions options)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddHttpClient("test", c => c.BaseAddress = baseUri).AddConnectorResilience(_ => options, "test");
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IHttpClientFactory>().CreateClient("test"));
    }

    private static async Task<(LoopbackServer Server, ServiceProvider Services, HttpClient Client)> StartAsync(int failuresBeforeSuccess)
    {
        var calls = 0;
        var server = await LoopbackServer.StartAsync(app => app.MapGet("/thing", () =>
            Interlocked.Increment(ref calls) <= failuresBeforeSuccess ? Results.StatusCode(503) : Results.Text("ok")));
        var (services, client) = Client(server.BaseUri, Fast);
        return (server, services, client);
    }

    [Fact]
    public async Task RetriesTransientStatusesUntilSuccess()
    {
        var (server, services, client) = await StartAsync(failuresBeforeSuccess: 2);
        await using var _ = server;
        await using var __ = services;
        using var response = await client.GetAsync("thing");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task NoStatusRetryReturnsTheFirstErrorStatus()
    {
        var (server, services, client) = await StartAsync(failuresBeforeSuccess: 1);
        await using var _ = server;
        await using var __ = services;
        using var request = new HttpRequestMessage(HttpMethod.Get, "thing");
        request.Options.Set(ConnectorRequest.NoStatusRetry, true);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task ConsecutiveFailuresOpenTheCircuitNamingTheSetting()
    {
        var (server, services, client) = await StartAsync(failuresBeforeSuccess: int.MaxValue);
        await using var _ = server;
        await using var __ = services;
        using (var first = await client.GetAsync("thing")) Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        var e = await Assert.ThrowsAsync<LabelingToolException>(() => client.GetAsync("thing"));
        Assert.Contains("2 consecutive failed requests", e.Message);
        Assert.Contains("CircuitBreakAfter", e.Message);
        Assert.Equal(8, server.RequestCount); // two requests, each tried 1 + MaxRetries times
    }
}
