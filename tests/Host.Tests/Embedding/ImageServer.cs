using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Elfs.Host.Tests.Embedding;

/// <summary>
/// A Kestrel server on 127.0.0.1 serving <c>/img/{n}</c> through <c>answer</c> (which may delay or refuse), counting
/// the requests it is answering at once.
/// </summary>
public sealed class ImageServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int inFlight;
    private int maxInFlight;
    private int requests;

    private ImageServer(WebApplication app) => this.app = app;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The most requests that were being answered at one moment.</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>Requests answered so far.</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>The address of image <paramref name="n"/>.</summary>
    public string Url(int n) => new Uri(BaseUri, $"img/{n}").ToString();

    /// <summary>Starts a server whose image route answers with <paramref name="answer"/> (image number, response).</summary>
    public static async Task<ImageServer> StartAsync(Func<int, HttpContext, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var server = new ImageServer(builder.Build());
        server.app.MapGet("/img/{n:int}", async (int n, HttpContext context) =>
        {
            Interlocked.Increment(ref server.requests);
            var now = Interlocked.Increment(ref server.inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref server.maxInFlight)) && Interlocked.CompareExchange(ref server.maxInFlight, now, seen) != seen)
            {
            }
            try { await answer(n, context); }
            finally { Interlocked.Decrement(ref server.inFlight); }
        });
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
