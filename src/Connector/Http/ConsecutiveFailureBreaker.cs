using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Elfs.Connector.Http;

/// <summary>
/// The outermost strategy of a connector's pipeline: counts consecutive failed requests (after their retries: a
/// transient status, a connection failure or a timeout) and stops the run with one <see cref="LabelingToolException"/>
/// naming <see cref="ConnectorHttpOptions.CircuitBreakAfter"/> when they reach it; any other answer resets the count.
/// A request that fails without tripping surfaces as a <see cref="LabelingToolException"/> whose inner exception is
/// the <see cref="HttpRequestException"/> or <see cref="TimeoutRejectedException"/> (see <see cref="IsRequestFailure"/>).
/// </summary>
internal sealed class ConsecutiveFailureBreaker(ConnectorHttpOptions options, ILogger logger) : ResilienceStrategy<HttpResponseMessage>
{
    private int failures;

    /// <summary>Whether <paramref name="e"/> stopped the run (the breaker tripped): nothing may carry on past it.</summary>
    public static bool IsRunStopped(Exception e) => e is LabelingToolException { InnerException: BrokenCircuitException };

    /// <summary>Whether <paramref name="e"/> is one request that failed after its retries (not a stopped run).</summary>
    public static bool IsRequestFailure(Exception e) =>
        e is LabelingToolException { InnerException: HttpRequestException or TimeoutRejectedException };

    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        var request = context.GetRequestMessage();
        if (outcome.Exception is HttpRequestException or TimeoutRejectedException)
        {
            var reason = outcome.Exception is TimeoutRejectedException ? $"no answer within {options.RequestTimeout}" : outcome.Exception.Message;
            if (Trip(request, reason) is { } stop) return Outcome.FromException<HttpResponseMessage>(stop);
            return Outcome.FromException<HttpResponseMessage>(new LabelingToolException(
                $"{request?.Method} {request?.RequestUri?.GetLeftPart(UriPartial.Path)} failed after {options.MaxRetries} retries: {reason}",
                outcome.Exception));
        }
        if (outcome.Result is { } response && ConnectorRequest.IsTransient(response.StatusCode))
        {
            if (Trip(request, $"HTTP {(int)response.StatusCode}") is { } stop)
            {
                response.Dispose();
                return Outcome.FromException<HttpResponseMessage>(stop);
            }
        }
        else if (outcome.Result is not null) Interlocked.Exchange(ref failures, 0);
        return outcome;
    }

    private LabelingToolException? Trip(HttpRequestMessage? request, string reason)
    {
        var count = Interlocked.Increment(ref failures);
        if (count < options.CircuitBreakAfter) return null;
        Interlocked.Exchange(ref failures, 0);
        logger.LogError("Stopping after {Failures} consecutive failed requests to {Host}", count, request?.RequestUri?.Authority);
        return new LabelingToolException(
            $"stopped after {count} consecutive failed requests to {request?.RequestUri?.Authority} (last: {request?.Method} " +
            $"{request?.RequestUri?.AbsolutePath}: {reason}); check that the server is up, or raise CircuitBreakAfter",
            new BrokenCircuitException($"{count} consecutive failed requests"));
    }
}
