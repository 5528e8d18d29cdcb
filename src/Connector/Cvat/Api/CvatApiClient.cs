using Elfs.Connector.Http;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.Cvat.Api;

/// <summary>
/// The typed HTTP client for one CVAT server: JSON calls, paging and error messages that name what to fix.
/// Paths are relative to the server URL and follow the schema exactly (no trailing slash but <c>/data/</c>).
/// </summary>
internal sealed class CvatApiClient
{
    private readonly HttpClient http;
    private readonly CvatOptions options;
    private readonly string settingPrefix;
    private readonly ILogger logger;

    public CvatApiClient(HttpClient http, CvatOptions options, string settingPrefix, ILogger logger)
    {
        this.http = http;
        this.options = options;
        this.settingPrefix = settingPrefix;
        this.logger = logger;
        http.BaseAddress ??= new Uri(options.Url.TrimEnd('/') + "/");
        http.Timeout = Timeout.InfiniteTimeSpan;
    }

    public CvatOptions Options => options;

    public async Task<CvatAnswer> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken,
        IEnumerable<KeyValuePair<string, string>>? headers = null, bool retryStatuses = true)
    {
        using var request = new HttpRequestMessage(method, Relative(path)) { Content = content };
        if (!retryStatuses) request.Options.Set(ResilientHttpHandler.NoStatusRetry, true);
        foreach (var (name, value) in headers ?? []) request.Headers.Add(name, value);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var requestId = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        var answer = new CvatAnswer(method, path, response.StatusCode, body, requestId);
        if (!answer.IsSuccess)
            logger.LogDebug("CVAT {Method} {Path} -> {Status} (request id {RequestId})", method, PathOnly(path), (int)response.StatusCode, requestId);
        return answer;
    }

    public Task<CvatAnswer> SendJsonAsync<T>(HttpMethod method, string path, T body, JsonTypeInfo<T> type, CancellationToken cancellationToken,
        IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SendAsync(method, path, new StringContent(JsonSerializer.Serialize(body, type), Encoding.UTF8, "application/json"), cancellationToken, headers);

    public async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        Read(Ensure(await SendAsync(HttpMethod.Get, path, null, cancellationToken)), type);

    /// <summary>Every item of a paginated list, page by page (computing the next page itself: <c>next</c> may carry an internal host).</summary>
    public async IAsyncEnumerable<T> ListAsync<T>(string pathAndQuery, JsonTypeInfo<CvatPage<T>> type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var separator = pathAndQuery.Contains('?') ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{pathAndQuery}{separator}page={page}&page_size={options.PageSize}");
            var result = await GetAsync(path, type, cancellationToken);
            foreach (var item in result.Results) yield return item;
            if (result.Results.Count == 0 || result.Next is null || (long)page * options.PageSize >= result.Count) yield break;
        }
    }

    /// <summary>Opens a binary body (frame bytes); the caller disposes the response. Non-success answers are returned read.</summary>
    public async Task<(HttpResponseMessage? Response, CvatAnswer? Failure)> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Relative(path));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode) return (response, null);
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return (null, new CvatAnswer(HttpMethod.Get, path, response.StatusCode, body, null));
        }
    }

    public static T Read<T>(CvatAnswer answer, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(answer.Body, type)
                ?? throw new LabelingToolException($"CVAT answered {answer.Method} {PathOnly(answer.Path)} with an empty body");
        }
        catch (JsonException e)
        {
            throw new LabelingToolException($"CVAT answered {answer.Method} {PathOnly(answer.Path)} with a body that is not the expected JSON: {e.Message}", e);
        }
    }

    /// <summary>The answer when successful or its status is one of <paramref name="expected"/>; else a readable error naming what to check.</summary>
    public CvatAnswer Ensure(CvatAnswer answer, params HttpStatusCode[] expected)
    {
        if (answer.IsSuccess || expected.Contains(answer.Status)) return answer;
        throw new LabelingToolException(Explain(answer));
    }

    public string Explain(CvatAnswer answer)
    {
        var message = $"CVAT {answer.Method} {PathOnly(answer.Path)} failed: {CvatErrorText.Describe(answer.Status, answer.Body)}";
        var hint = answer.Status switch
        {
            HttpStatusCode.Unauthorized =>
                $"check that the environment variable named by {settingPrefix}:TokenEnv holds a valid token of kind {settingPrefix}:TokenKind={options.TokenKind}",
            HttpStatusCode.Forbidden => "the token's user lacks permission for this; use a user with the needed role (and a token that is not read-only)",
            HttpStatusCode.NotFound when !string.IsNullOrEmpty(options.Organization) =>
                $"it does not exist or is not visible in organization '{options.Organization}' ({settingPrefix}:Organization)",
            HttpStatusCode.NotFound => $"it does not exist, or belongs to an organization: set {settingPrefix}:Organization",
            HttpStatusCode.NotAcceptable => "the server refused the Accept header; is this a CVAT 2.x server?",
            HttpStatusCode.BadRequest when answer.Body.Contains("same organization", StringComparison.Ordinal) =>
                $"set {settingPrefix}:Organization to the slug of the organization that owns project {options.AnnotationProjectId}",
            _ => null,
        };
        if (answer.RequestId is not null) message += $" [request id {answer.RequestId}]";
        return hint is null ? message : $"{message}; {hint}";
    }

    private static string PathOnly(string path) => "/" + path.Split('?')[0].TrimStart('/');

    private static string Relative(string path) => path.TrimStart('/');
}
