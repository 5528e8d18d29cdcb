using System.Net.Http.Headers;
using Elfs.Connector.Http;

namespace Elfs.Connector.Cvat.Api;

/// <summary>
/// Adds what every CVAT call needs: the token (read from its environment variable, never logged), the CVAT media
/// type in <c>Accept</c> (CVAT answers 406 to <c>application/json</c> alone) and <c>X-Organization</c> when configured.
/// </summary>
internal sealed class CvatAuthHandler(CvatOptions options, CvatSettingKeys keys) : DelegatingHandler
{
    public const string MediaType = "application/vnd.cvat+json";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = TokenSource.Read(options.TokenEnv, keys.TokenEnv);
        request.Headers.Authorization = new AuthenticationHeaderValue(options.TokenKind == CvatTokenKind.Bearer ? "Bearer" : "Token", token);
        if (request.Headers.Accept.Count == 0) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
        request.Headers.Remove("X-Organization");
        if (!string.IsNullOrEmpty(options.Organization)) request.Headers.Add("X-Organization", options.Organization);
        return base.SendAsync(request, cancellationToken);
    }
}
