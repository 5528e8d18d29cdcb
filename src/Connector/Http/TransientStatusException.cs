using System.Net;

namespace Elfs.Connector.Http;

/// <summary>
/// A transient status (5xx, 408, 429) on a request the pipeline does not retry, with the wait the server asked for:
/// the caller that retries it itself honours <see cref="RetryAfter"/>.
/// </summary>
internal sealed class TransientStatusException(string message, HttpStatusCode status, TimeSpan? retryAfter)
    : HttpRequestException(message, null, status)
{
    /// <summary>The server's <c>Retry-After</c>, capped by <see cref="ConnectorHttpOptions.MaxDelay"/>; null when it sent none.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
