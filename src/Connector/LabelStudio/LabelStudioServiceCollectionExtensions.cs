using Elfs.Connector.Http;
using Elfs.Connector.LabelStudio.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Refit;

namespace Elfs.Connector.LabelStudio;

/// <summary>Registers Label Studio projects: one named client (Refit API, auth, resilience) per project, made at start-up.</summary>
public static class LabelStudioServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Label Studio project <paramref name="settingPrefix"/> (its configuration section, e.g.
    /// <c>Elfs:Projects:0</c>, also the key the tool is made by): the <see cref="IHttpClientFactory"/> client
    /// <see cref="LabelStudioToolFactory.ClientName"/> with the Refit Label Studio API keyed by the prefix, auth (token
    /// kind detection, access-token renewal, no Authorization header off the Label Studio host), then the connector
    /// resilience handler, over a primary handler that follows no redirects; and <see cref="LabelStudioToolFactory"/>.
    /// <paramref name="options"/> is read once, when the project's first client is made.
    /// </summary>
    public static IHttpClientBuilder AddLabelStudioProject(this IServiceCollection services, string settingPrefix,
        Func<IServiceProvider, LabelStudioOptions> options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(settingPrefix);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LabelStudioToolFactory>();
        services.AddKeyedSingleton(settingPrefix, (sp, _) => new LabelStudioRegisteredProject(options(sp), settingPrefix));
        return services.AddKeyedRefitGeneratedClient<ILabelStudioApi>(settingPrefix, LabelStudioJsonContext.Default, _ => LabelStudioHttp.Settings(),
                LabelStudioToolFactory.ClientName(settingPrefix), allowReflectionFallback: false)
            .ConfigureHttpClient((sp, http) =>
            {
                var project = Project(sp, settingPrefix);
                http.BaseAddress = project.Options.BaseUri;
                http.Timeout = ConnectorHttpClientBuilderExtensions.OverallTimeout(project.Options.Http);
            })
            .ConfigurePrimaryHttpMessageHandler(LabelStudioHttp.Primary)
            .AddHttpMessageHandler(sp => AuthHandler(sp, Project(sp, settingPrefix)))
            .AddConnectorResilience(sp => Project(sp, settingPrefix).Options.Http, LabelStudioToolFactory.LoggerCategory);
    }

    internal static LabelStudioRegisteredProject Project(IServiceProvider services, string key) =>
        services.GetRequiredKeyedService<LabelStudioRegisteredProject>(key);

    private static LabelStudioAuthHandler AuthHandler(IServiceProvider services, LabelStudioRegisteredProject project)
    {
        var options = project.Options;
        var time = services.GetRequiredService<TimeProvider>();
        var setting = LabelStudioToolFactory.TokenSetting(project);
        var token = LabelStudioToolFactory.ReadToken(project, time);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(LabelStudioToolFactory.LoggerCategory);
        return new LabelStudioAuthHandler(options.BaseUri, token, setting, options.TokenRefreshMargin, time, logger);
    }
}
