namespace Elfs.Connector.Http;

/// <summary>
/// Sits inside each attempt of the resilience pipeline and reads the answer's body to the end there, so the
/// per-attempt timeout covers a body that stalls mid-stream (not only the headers) and a cut body is retried.
/// Requests marked <see cref="ConnectorRequest.Streamed"/> are left to their caller.
/// </summary>
internal sealed class BufferedBodyHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (ConnectorRequest.Has(request, ConnectorRequest.Streamed)) return response;
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
