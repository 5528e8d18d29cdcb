using System.Net.Http.Headers;

namespace Elfs.Connector.Http;

/// <summary>How long a server's <c>Retry-After</c> (delay seconds or an HTTP-date) asks a client to wait, capped.</summary>
internal static class RetryAfterWait
{
    /// <summary>The wait, between zero and <paramref name="max"/>; null when the answer has no usable header.</summary>
    public static TimeSpan? Of(RetryConditionHeaderValue? header, TimeSpan max)
    {
        var wait = header?.Delta ?? (header?.Date - DateTimeOffset.UtcNow);
        if (wait is null) return null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
    }
}
