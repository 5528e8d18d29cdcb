using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Elfs.Connector.Http;
using Microsoft.Extensions.Logging;
using Refit;

namespace Elfs.Connector.Cvat.Api;

/// <summary>
/// One CVAT project's client: the Refit <see cref="ICvatApi"/> for JSON calls, the same named <see cref="HttpClient"/>
/// for what Refit does not express (frame downloads, multipart batches), paging, and error messages naming what to fix.
/// </summary>
internal sealed class CvatApiClient
{
    private readonly HttpClient http;
    private readonly ILogger logger;

    public CvatApiClient(ICvatApi api, HttpClient http, CvatOptions options, CvatSettingKeys keys, ILogger logger)
    {
        Api = api;
        this.http = http;
        Options = options;
        Keys = keys;
        this.logger = logger;
    }

    public ICvatApi Api { get; }
    public CvatOptions Options { get; }

    /// <summary>The full configuration keys of the settings, for messages.</summary>
    public CvatSettingKeys Keys { get; }

    /// <summary>The content of a successful call; else an error naming what to check.</summary>
    public async Task<T> ReadAsync<T>(Task<IApiResponse<T>> call) where T : class
    {
        var (answer, content) = await AnswerAsync(call);
        Ensure(answer);
        return content ?? throw new LabelingToolException($"CVAT answered {answer.Method} {PathOnly(answer.Path)} with an empty body");
    }

    /// <summary>
    /// The answer of a call (status, body text, request id) with its content when successful. Connection failures and
    /// timeouts after retries, and a stopped run, are thrown as they came; a success whose body is not the expected
    /// JSON is a <see cref="LabelingToolException"/>.
    /// </summary>
    public async Task<(CvatAnswer Answer, T? Content)> AnswerAsync<T>(Task<IApiResponse<T>> call)
    {
        using var response = await call;
        if (response.HasRequestError(out var failed)) ExceptionDispatchInfo.Throw(failed.InnerException ?? failed);
        var method = response.RequestMessage?.Method ?? HttpMethod.Get;
        var path = response.RequestMessage?.RequestUri?.PathAndQuery ?? "";
        var requestId = response.Headers is { } headers && headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        if (response.IsSuccessStatusCode && response.Error is { } bad)
            throw new LabelingToolException($"CVAT answered {method} {PathOnly(path)} with a body that is not the expected JSON: " +
                                            (bad.InnerException?.Message ?? bad.Message), bad);
        var body = response.IsSuccessStatusCode ? response.Content as string ?? "" : (response.Error as ApiException)?.Content ?? "";
        var status = response.StatusCode ?? default;
        var answer = new CvatAnswer(method, path, status, body, requestId);
        if (!answer.IsSuccess)
            logger.LogDebug("CVAT {Method} {Path} -> {Status} (request id {RequestId})", method, PathOnly(path), (int)status, requestId);
        return (answer, response.IsSuccessStatusCode ? response.Content : default);
    }

    /// <summary>Every item of a paginated list, page by page (computing the next page itself: <c>next</c> may carry an internal host).</summary>
    public async IAsyncEnumerable<T> ListAsync<T>(Func<int, int, CancellationToken, Task<IApiResponse<CvatPage<T>>>> page,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            var result = await ReadAsync(page(number, Options.PageSize, cancellationToken));
            foreach (var item in result.Results) yield return item;
            if (result.Results.Count == 0 || result.Next is null || (long)number * Options.PageSize >= result.Count) yield break;
        }
    }

    /// <summary>Sends a request built by hand (multipart batches) through the same pipeline; the answer is read to the end.</summary>
    public async Task<CvatAnswer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var requestId = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        return new CvatAnswer(request.Method, request.RequestUri?.ToString() ?? "", response.StatusCode, body, requestId);
    }

    /// <summary>Opens a binary body (frame bytes) for the caller to stream; the caller disposes the response. Failures are returned read.</summary>
    public async Task<(HttpResponseMessage? Response, CvatAnswer? Failure)> OpenAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        request.Options.Set(ConnectorRequest.Streamed, true);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode) return (response, null);
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return (null, new CvatAnswer(HttpMethod.Get, path, response.StatusCode, body, null));
        }
    }

    /// <summary>A JSON body of an answer (e.g. a 202 or 409 <c>{"rq_id"}</c>) read with the source-generated metadata.</summary>
    public static T Read<T>(CvatAnswer answer, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
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
                $"{Keys.TokenEnv}: CVAT at {Options.Url} refused the token in the environment variable {Options.TokenEnv}; export a valid " +
                $"token of kind {Keys.TokenKind}={Options.TokenKind} (a personal access token from the user menu, or a legacy key with TokenKind Token)",
            HttpStatusCode.Forbidden => "the token's user lacks permission for this; use a user with the needed role (and a token that is not read-only)",
            HttpStatusCode.NotFound when !string.IsNullOrEmpty(Options.Organization) =>
                $"it does not exist or is not visible in organization '{Options.Organization}' ({Keys.Organization})",
            HttpStatusCode.NotFound => $"it does not exist, or belongs to an organization: set {Keys.Organization}",
            HttpStatusCode.NotAcceptable => "the server refused the Accept header; is this a CVAT 2.x server?",
            HttpStatusCode.BadRequest when answer.Body.Contains("same organization", StringComparison.Ordinal) =>
                $"set {Keys.Organization} to the slug of the organization that owns project {Options.AnnotationProjectId} ({Keys.AnnotationProjectId})",
            _ => null,
        };
        if (answer.RequestId is not null) message += $" [request id {answer.RequestId}]";
        return hint is null ? message : $"{message}; {hint}";
    }

    public static string PathOnly(string path)
    {
        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") path = absolute.AbsolutePath;
        return "/" + path.Split('?')[0].TrimStart('/');
    }
}
