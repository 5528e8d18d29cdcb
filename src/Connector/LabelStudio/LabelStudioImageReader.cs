using System.Net;
using Elfs.Connector.Http;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.LabelStudio;

/// <summary>
/// Downloads task images: follows redirects itself (at most 5; the auth handler drops the Authorization header on any
/// host but Label Studio's), enforces the size limit and the download timeout, and reports a missing, forbidden,
/// oversized or slow image as <see cref="ItemUnavailableException"/>.
/// </summary>
internal sealed class LabelStudioImageReader
{
    private const int MaxRedirects = 5;
    private readonly HttpClient http;
    private readonly LabelStudioOptions options;
    private readonly string prefix;
    private readonly ILogger logger;

    public LabelStudioImageReader(HttpClient http, LabelStudioOptions options, string prefix, ILogger logger)
    {
        this.http = http;
        this.options = options;
        this.prefix = prefix;
        this.logger = logger;
    }

    public async Task<Stream> OpenAsync(SourceItem item, CancellationToken cancellationToken)
    {
        var uri = ImageReference.Resolve(options.BaseUri, item.ExternalId, item.ImageRef)
            ?? throw new ItemUnavailableException(item.ExternalId, $"unsupported image reference '{Shorten(item.ImageRef)}' " +
                                                                   "(expected /data/…, /tasks/…/resolve/, s3://, gs://, azure-blob:// or http(s)://)");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ImageTimeout);
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Options.Set(ConnectorRequest.Streamed, true);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    if (hop == MaxRedirects) throw new ItemUnavailableException(item.ExternalId, $"more than {MaxRedirects} redirects from {ImageReference.Describe(uri)}");
                    uri = new Uri(uri, location);
                    continue;
                }
                Check(item, uri, response);
                return await BoundedBody.ReadAsync(response, item.ExternalId, options.Http.MaxImageBytes, $"{prefix}:Http:MaxImageBytes",
                    options.ImageTimeout, $"{prefix}:ImageTimeout", ImageReference.Describe(uri), timeout.Token);
            }
        }
        catch (LabelingToolException e) when (ConsecutiveFailureBreaker.IsRequestFailure(e))
        {
            throw new ItemUnavailableException(item.ExternalId, $"unreachable: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ItemUnavailableException(item.ExternalId, $"no complete answer from {ImageReference.Describe(uri)} within {options.ImageTimeout} ({prefix}:ImageTimeout)", e);
        }
    }

    private void Check(SourceItem item, Uri uri, HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode) return;
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Unauthorized && uri.Host == options.BaseUri.Host && uri.Port == options.BaseUri.Port)
            throw new LabelingToolException($"{prefix}:TokenEnv: Label Studio refused the token in {options.TokenEnv} for image downloads (HTTP 401 from {ImageReference.Describe(uri)})");
        logger.LogWarning("Image of task {Task} unavailable: HTTP {Status} from {Url}", item.ExternalId, status, ImageReference.Describe(uri));
        var why = response.StatusCode switch
        {
            HttpStatusCode.NotFound or HttpStatusCode.Gone => "not found",
            HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => "forbidden",
            _ => "refused",
        };
        throw new ItemUnavailableException(item.ExternalId, $"{why}: HTTP {status} from {ImageReference.Describe(uri)}");
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
