namespace Elfs.Connector.Http;

/// <summary>Per-request switches the connectors' HTTP pipeline reads from <see cref="HttpRequestMessage.Options"/>.</summary>
public static class ConnectorRequest
{
    /// <summary>
    /// Marks a request whose error statuses the caller handles itself: a 5xx/429 answer is returned at once, while
    /// connection failures and timeouts are still retried (CVAT upload batches).
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> NoStatusRetry = new("Elfs.NoStatusRetry");

    /// <summary>
    /// Marks a request the pipeline must send once, neither on a status nor on a timeout retried: its caller finds out
    /// what the server stored before sending again (Label Studio prediction imports, which are not idempotent).
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetry = new(NoRetryKey);

    /// <summary>The key of <see cref="NoRetry"/> (for Refit's <c>[Property]</c>).</summary>
    public const string NoRetryKey = "Elfs.NoRetry";

    /// <summary>
    /// Marks a request whose body the caller streams itself (image and frame downloads, with their own size limit and
    /// deadline); every other answer is read to the end inside the attempt, so the per-attempt timeout bounds the body too.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Streamed = new("Elfs.Streamed");

    /// <summary>Whether <paramref name="key"/> is set on <paramref name="request"/>.</summary>
    public static bool Has(HttpRequestMessage? request, HttpRequestOptionsKey<bool> key) =>
        request is not null && request.Options.TryGetValue(key, out var on) && on;

    /// <summary>Whether a status is worth retrying: 5xx, 408 and 429.</summary>
    public static bool IsTransient(System.Net.HttpStatusCode status) =>
        (int)status >= 500 || status is System.Net.HttpStatusCode.RequestTimeout or System.Net.HttpStatusCode.TooManyRequests;
}
