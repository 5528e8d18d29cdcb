using Elfs.Connector.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Elfs.Host.Tests.Embedding;

/// <summary>
/// The connector tests' <see cref="LoopbackServer"/> serving <c>/img/{n}</c> through <c>answer</c> (which may delay or
/// refuse), counting the requests it is answering at once.
/// </summary>
public sealed class ImageServer : IAsyncDisposable
{
    private LoopbackServer server = null!;
    private int inFlight;
    private int maxInFlight;

    /// <summary>The most requests that were being answered at one moment.</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>Requests answered so far.</summary>
    public int Requests => server.RequestCount;

    /// <summary>The server's root.</summary>
    public Uri BaseUri => server.BaseUri;

    /// <summary>The address of image <paramref name="n"/>.</summary>
    public string Url(int n) => new Uri(BaseUri, $"img/{n}").ToString();

    /// <summary>Starts a server whose image route answers with <paramref name="answer"/> (image number, response).</summary>
    public static async Task<ImageServer> StartAsync(Func<int, HttpContext, Task> answer)
    {
        var images = new ImageServer();
        images.server = await LoopbackServer.StartAsync(app => app.MapGet("/img/{n:int}", async (int n, HttpContext context) =>
        {
            var now = Interlocked.Increment(ref images.inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref images.maxInFlight)) && Interlocked.CompareExchange(ref images.maxInFlight, now, seen) != seen)
            {
            }
            try { await answer(n, context); }
            finally { Interlocked.Decrement(ref images.inFlight); }
        }), recordBodies: false);
        return images;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => server.DisposeAsync();
}
