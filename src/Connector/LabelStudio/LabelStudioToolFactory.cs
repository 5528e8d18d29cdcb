using Elfs.Connector.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Elfs.Connector.LabelStudio;

/// <summary>
/// Creates the <see cref="ILabelingTool"/> of one Label Studio project. Register it with
/// <see cref="LabelStudioServiceCollectionExtensions.AddLabelStudioConnector"/>; the host then calls
/// <see cref="Create(LabelStudioOptions, string)"/> once per project and run, and disposes the tool when done.
/// Each tool gets its own handler chain over the pooled connections of the <see cref="HttpClientName"/> client:
/// auth (token kind detection, access-token renewal, no Authorization header off the Label Studio host) →
/// <see cref="ResilientHttpHandler"/> (retries, Retry-After, circuit) → the factory's primary handler (no automatic redirects).
/// </summary>
public sealed class LabelStudioToolFactory
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client whose primary handler the tools share.</summary>
    public const string HttpClientName = "Elfs.LabelStudio";

    private readonly IHttpMessageHandlerFactory handlers;
    private readonly ILoggerFactory loggers;
    private readonly TimeProvider time;

    /// <summary>Creates the factory (normally through dependency injection).</summary>
    public LabelStudioToolFactory(IHttpMessageHandlerFactory handlers, ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        this.handlers = handlers;
        this.loggers = loggers ?? NullLoggerFactory.Instance;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// The tool for the project <paramref name="options"/> names. Validates the options and reads the token from
    /// <see cref="LabelStudioOptions.TokenEnv"/>; throws <see cref="LabelingToolException"/> naming the setting (under
    /// <paramref name="settingPrefix"/>, e.g. <c>Projects:0:LabelStudio</c>) when either is wrong. The returned tool is
    /// <see cref="IDisposable"/>.
    /// </summary>
    public ILabelingTool Create(LabelStudioOptions options, string settingPrefix = "LabelStudio")
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate(settingPrefix).ToList();
        if (problems.Count > 0) throw new LabelingToolException(string.Join("; ", problems));
        var tokenSetting = $"{settingPrefix}:TokenEnv";
        var token = LabelStudioToken.Parse(TokenSource.Read(options.TokenEnv, tokenSetting), $"{tokenSetting} ({options.TokenEnv})", time.GetUtcNow());
        var logger = loggers.CreateLogger("Elfs.Connector.LabelStudio");
        var resilient = new ResilientHttpHandler(options.Http, logger) { InnerHandler = handlers.CreateHandler(HttpClientName) };
        var auth = new LabelStudioAuthHandler(options.BaseUri, token, $"{tokenSetting} ({options.TokenEnv})", options.TokenRefreshMargin, time, logger)
        {
            InnerHandler = resilient,
        };
        var http = new HttpClient(auth) { BaseAddress = options.BaseUri, Timeout = OverallTimeout(options.Http) };
        logger.LogInformation("Label Studio project {Project} at {Url}: {Kind} token from {Variable}", options.ProjectId, options.BaseUri,
            token.Kind, options.TokenEnv);
        return new LabelStudioTool(http, options, settingPrefix, logger);
    }

    /// <summary>A bound on one call including its retries, so a stalled body cannot hang a run.</summary>
    private static TimeSpan OverallTimeout(ConnectorHttpOptions http) =>
        http.RequestTimeout * (http.MaxRetries + 2) + http.MaxDelay * http.MaxRetries;
}
