namespace Elfs.Connector.Tests.Fakes;

/// <summary>One request a <see cref="LoopbackServer"/> answered.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path without the query.</param>
/// <param name="Query">Query string including '?', or empty.</param>
/// <param name="Authorization">The Authorization header, or null when absent.</param>
/// <param name="Body">The request body as text (empty when none or when bodies are not recorded).</param>
/// <param name="StatusCode">The status the server answered.</param>
public sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string Body, int StatusCode)
{
    /// <summary>When the request arrived (UTC).</summary>
    public DateTimeOffset Arrived { get; init; }

    /// <summary>Path and query, as sent.</summary>
    public string PathAndQuery => Path + Query;
}
