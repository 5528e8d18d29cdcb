using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Elfs.Connector.Http;

/// <summary>
/// Retries transient failures (5xx, 408, 429, timeouts, connection errors) with jittered exponential backoff,
/// honouring <c>Retry-After</c>; never retries other 4xx. After <see cref="ConnectorHttpOptions.CircuitBreakAfter"/>
/// consecutive failed requests it stops the run with a <see cref="LabelingToolException"/>. Request bodies must be
/// re-readable (string, byte-array or multipart of those), as every connector sends.
/// </summary>
public sealed class ResilientHttpHandler : DelegatingHandler
{
    private readonly ConnectorHttpOptions options;
    private readonly ILogger logger;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> exceptionsOnlyPipeline;
    private int consecutiveFailures;

    /// <summary>
    /// Marks a request whose error statuses the caller handles itself: a 5xx/429 answer is returned at once, while
    /// connection failures and timeouts are still retried.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> NoStatusRetry = new("Elfs.NoStatusRetry");

    /// <summary>Creates the handler.</summary>
    public ResilientHttpHandler(ConnectorHttpOptions options, ILogger logger)
    {
        this.options = options;
        this.logger = logger;
        pipeline = BuildPipeline(retryStatuses: true);
        exceptionsOnlyPipeline = BuildPipeline(retryStatuses: false);
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(bool retryStatuses) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => retryStatuses && IsTransient(r.StatusCode)),
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    var what = args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    logger.LogWarning("Request failed ({Failure}); retry {Attempt} of {MaxRetries} in {Delay}", what,
                        args.AttemptNumber + 1, options.MaxRetries, args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.RequestTimeout)
            .Build();

    /// <summary>Whether a status is worth retrying.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.MaxRetries == 0) return await Track(() => base.SendAsync(request, cancellationToken), request);
        var chosen = Flag(request, NoStatusRetry) ? exceptionsOnlyPipeline : pipeline;
        return await Track(() => chosen.ExecuteAsync(async ct => await base.SendAsync(request, ct), cancellationToken).AsTask(), request);
    }

    private async Task<HttpResponseMessage> Track(Func<Task<HttpResponseMessage>> send, HttpRequestMessage request)
    {
        try
        {
            var response = await send();
            if (IsTransient(response.StatusCode)) Fail(request, $"HTTP {(int)response.StatusCode}");
            else Interlocked.Exchange(ref consecutiveFailures, 0);
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            Fail(request, e is TimeoutRejectedException ? $"no answer within {options.RequestTimeout}" : e.Message);
            throw new LabelingToolException(
                $"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} failed after {options.MaxRetries} retries: " +
                (e is TimeoutRejectedException ? $"no answer within {options.RequestTimeout}" : e.Message), e);
        }
    }

    private static bool Flag(HttpRequestMessage request, HttpRequestOptionsKey<bool> key) =>
        request.Options.TryGetValue(key, out var on) && on;

    private void Fail(HttpRequestMessage request, string reason)
    {
        var failures = Interlocked.Increment(ref consecutiveFailures);
        if (failures >= options.CircuitBreakAfter)
            throw new LabelingToolException(
                $"stopped after {failures} consecutive failed requests to {request.RequestUri?.Authority} (last: {request.Method} " +
                $"{request.RequestUri?.AbsolutePath}: {reason}); check that the server is up, or raise CircuitBreakAfter");
    }

    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null) return null;
        var wait = header.Delta ?? (header.Date - DateTimeOffset.UtcNow);
        if (wait is null) return null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > options.MaxDelay ? options.MaxDelay : wait;
    }
}
