using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Elfs.Connector.Http;

/// <summary>
/// The connectors' resilience pipeline, outermost first: <see cref="ConsecutiveFailureBreaker"/>; retries with
/// jittered exponential backoff on 5xx, 408, 429, timeouts and connection errors, honouring <c>Retry-After</c> capped
/// by <see cref="ConnectorHttpOptions.MaxDelay"/>, never on other 4xx, and not on statuses for requests marked
/// <see cref="ConnectorRequest.NoStatusRetry"/>, not at all for <see cref="ConnectorRequest.NoRetry"/>; a timeout per attempt (also with <c>MaxRetries = 0</c>).
/// </summary>
internal static class ConnectorPipeline
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorHttpOptions options, ILogger logger)
    {
        builder.AddStrategy(_ => new ConsecutiveFailureBreaker(options, logger), new BreakerOptions());
        if (options.MaxRetries > 0)
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(!ConnectorRequest.Has(args.Context.GetRequestMessage(), ConnectorRequest.NoRetry) && args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => true,
                    { Result: { } r } => ConnectorRequest.IsTransient(r.StatusCode) && !ConnectorRequest.Has(r.RequestMessage, ConnectorRequest.NoStatusRetry),
                    _ => false,
                }),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfterWait.Of(args.Outcome.Result?.Headers.RetryAfter, options.MaxDelay)),
                OnRetry = args =>
                {
                    var what = args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    logger.LogWarning("Request failed ({Failure}); retry {Attempt} of {MaxRetries} in {Delay}", what,
                        args.AttemptNumber + 1, options.MaxRetries, args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        builder.AddTimeout(options.RequestTimeout);
    }

    private sealed class BreakerOptions : ResilienceStrategyOptions
    {
        public BreakerOptions() => Name = "ConsecutiveFailureBreaker";
    }
}
