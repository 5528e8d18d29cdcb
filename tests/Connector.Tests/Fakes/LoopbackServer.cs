using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.Tests.Fakes;

/// <summary>
/// An ASP.NET Core minimal-API server on 127.0.0.1 with a random port, for fake tool servers: map its routes in
/// <c>configure</c>, read <see cref="BaseUri"/>, inspect <see cref="Requests"/>, dispose to stop.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentDictionary<string, byte> connections = new();
    private readonly bool recordBodies;
    private long handlerTicks;

    private LoopbackServer(WebApplication app, bool recordBodies)
    {
        this.app = app;
        this.recordBodies = recordBodies;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Every answered request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    /// <summary>The number of answered requests (cheaper than <see cref="Requests"/>).</summary>
    public int RequestCount => requests.Count;

    /// <summary>Time spent inside the server's handlers so far (summed over requests), to tell server from client cost.</summary>
    public TimeSpan HandlerTime => TimeSpan.FromTicks(Interlocked.Read(ref handlerTicks));

    /// <summary>Distinct TCP connections requests arrived on so far (a client that pools its connections keeps this flat).</summary>
    public int ConnectionCount => connections.Count;

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests() => requests.Clear();

    /// <summary>
    /// Starts a server whose routes <paramref name="configure"/> maps. Request bodies are recorded unless
    /// <paramref name="recordBodies"/> is false (benchmarks).
    /// </summary>
    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> configure, bool recordBodies = true,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        services?.Invoke(builder.Services);
        var server = new LoopbackServer(builder.Build(), recordBodies);
        server.app.Use(server.Record);
        configure(server.app);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        server.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    private async Task Record(HttpContext context, RequestDelegate next)
    {
        connections.TryAdd(context.Connection.Id, 0);
        var arrived = DateTimeOffset.UtcNow;
        var body = "";
        if (recordBodies && (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0))
        {
            context.Request.EnableBuffering();
            body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try { await next(context); }
        finally
        {
            Interlocked.Add(ref handlerTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
            var authorization = context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null;
            requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "", authorization, body, context.Response.StatusCode) { Arrived = arrived });
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
