using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Elfs.Connector.LabelStudio.Api;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.LabelStudio;

/// <summary>
/// Adds Label Studio's Authorization header to requests for the Label Studio origin only (scheme, host and port),
/// and removes it from every other request, so presigned cloud URLs and other hosts never see it. A personal access
/// token is exchanged for an access token once per its lifetime (renewed <c>TokenRefreshMargin</c> before it ends, at
/// most a quarter of the lifetime; the lifetime is the token's own <c>exp - iat</c>, so clock skew does not matter) and
/// once more when a request gets 401.
/// </summary>
internal sealed class LabelStudioAuthHandler : DelegatingHandler
{
    private readonly Uri origin;
    private readonly LabelStudioToken token;
    private readonly string setting;
    private readonly TimeSpan margin;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? access;
    private DateTimeOffset accessRenewAt;

    public LabelStudioAuthHandler(Uri origin, LabelStudioToken token, string setting, TimeSpan margin, TimeProvider time, ILogger logger)
    {
        this.origin = origin;
        this.token = token;
        this.setting = setting;
        this.margin = margin;
        this.time = time;
        this.logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!IsLabelStudio(request.RequestUri))
        {
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken);
        }
        if (token.Kind != LabelStudioTokenKind.PersonalAccessToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(token.Kind == LabelStudioTokenKind.Legacy ? "Token" : "Bearer", token.Value);
            return await base.SendAsync(request, cancellationToken);
        }
        var used = await AccessTokenAsync(null, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", used);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;
        response.Dispose();
        logger.LogInformation("Label Studio answered 401 to {Method} {Path}; renewing the access token once", request.Method,
            request.RequestUri?.AbsolutePath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await AccessTokenAsync(used, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>Whether <paramref name="uri"/> is on the Label Studio origin.</summary>
    public bool IsLabelStudio(Uri? uri) =>
        uri is not null && Uri.Compare(uri, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private async Task<string> AccessTokenAsync(string? rejected, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var fresh = access is not null && (rejected is null ? accessRenewAt > now : access != rejected);
            if (fresh) return access!;
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(origin, "api/token/refresh/"))
            {
                Content = JsonContent.Create(new LsTokenRefreshRequest(token.Value), LabelStudioJsonContext.Default.LsTokenRefreshRequest),
            };
            using var response = await base.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new LabelingToolException($"{setting}: Label Studio refused to exchange the personal access token " +
                                                $"(HTTP {(int)response.StatusCode} from /api/token/refresh/); it may be revoked or from another server — " +
                                                "create a new one in Account & Settings > Personal Access Token");
            var body = await ApiJson.ReadAsync(response, LabelStudioJsonContext.Default.LsTokenRefreshResponse, "POST /api/token/refresh/", cancellationToken);
            if (string.IsNullOrEmpty(body.Access))
                throw new LabelingToolException("Label Studio answered POST /api/token/refresh/ without an access token; is the URL a Label Studio server?");
            access = body.Access;
            var lifetime = LabelStudioToken.LifetimeOf(access, now) is { } l && l > TimeSpan.Zero ? l : TimeSpan.FromMinutes(5);
            accessRenewAt = now + lifetime - (margin < lifetime / 4 ? margin : lifetime / 4);
            logger.LogDebug("Obtained a Label Studio access token living {Lifetime}; renewing it at {RenewAt}", lifetime, accessRenewAt);
            return access;
        }
        finally
        {
            gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) gate.Dispose();
        base.Dispose(disposing);
    }
}
