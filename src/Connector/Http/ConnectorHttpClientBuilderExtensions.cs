using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.Http;

/// <summary>The one way a connector's named HTTP client gets its retries, timeouts and circuit breaker.</summary>
public static class ConnectorHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds the connector resilience handler (<c>AddResilienceHandler</c>, configured from <paramref name="options"/>:
    /// breaker, retries, per-attempt timeout) and, inside each attempt, a handler that reads the body to the end unless
    /// the request is <see cref="ConnectorRequest.Streamed"/>. The handler chain lives as long as the client
    /// (connections are recycled by the primary handler's <c>PooledConnectionLifetime</c>), so the breaker counts
    /// across a project's requests. Call it after the handlers that must run once per logical request (auth).
    /// </summary>
    public static IHttpClientBuilder AddConnectorResilience(this IHttpClientBuilder builder, Func<IServiceProvider, ConnectorHttpOptions> options,
        string loggerCategory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.AddResilienceHandler("elfs-connector", (pipeline, context) =>
        {
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(loggerCategory);
            ConnectorPipeline.Configure(pipeline, options(context.ServiceProvider), logger);
        });
        builder.AddHttpMessageHandler(() => new BufferedBodyHandler());
        builder.SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return builder;
    }

    /// <summary>
    /// A backstop for <see cref="HttpClient.Timeout"/>: every attempt's timeout and every wait between attempts, plus a
    /// minute. The pipeline's per-attempt timeout (bodies included) is what bounds a call; this only catches a bug.
    /// </summary>
    public static TimeSpan OverallTimeout(ConnectorHttpOptions http) =>
        http.RequestTimeout * (http.MaxRetries + 1) + http.MaxDelay * http.MaxRetries + TimeSpan.FromMinutes(1);
}
