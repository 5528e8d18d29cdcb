using System.Net;
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
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    if (hop == MaxRedirects) throw new ItemUnavailableException(item.ExternalId, $"more than {MaxRedirects} redirects from {ImageReference.Describe(uri)}");
                    uri = new Uri(uri, location);
                    continue;
                }
                Check(item, uri, response);
                return await ReadBoundedAsync(item, uri, response, timeout.Token);
            }
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

    private async Task<Stream> ReadBoundedAsync(SourceItem item, Uri uri, HttpResponseMessage response, CancellationToken ct)
    {
        var limit = options.Http.MaxImageBytes;
        if (response.Content.Headers.ContentLength > limit)
            throw new ItemUnavailableException(item.ExternalId, $"{response.Content.Headers.ContentLength} bytes, over {prefix}:Http:MaxImageBytes ({limit})");
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > limit)
                throw new ItemUnavailableException(item.ExternalId, $"more than {prefix}:Http:MaxImageBytes ({limit}) bytes from {ImageReference.Describe(uri)}");
            copy.Write(buffer, 0, read);
        }
        copy.Position = 0;
        return copy;
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
