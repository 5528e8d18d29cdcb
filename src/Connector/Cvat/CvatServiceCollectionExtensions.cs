using Elfs.Connector.Cvat.Api;
using Elfs.Connector.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Refit;

namespace Elfs.Connector.Cvat;

/// <summary>Registers CVAT projects: one named client (Refit API, auth, resilience) per project, made at start-up.</summary>
public static class CvatServiceCollectionExtensions
{
    /// <summary>
    /// Registers the CVAT project <paramref name="key"/> (its configuration section, e.g. <c>Elfs:Projects:0</c>):
    /// the <see cref="IHttpClientFactory"/> client <see cref="CvatToolFactory.ClientName"/> with the Refit CVAT API
    /// keyed by <paramref name="key"/>, token and headers, then the connector resilience handler
    /// (<see cref="ConnectorHttpClientBuilderExtensions.AddConnectorResilience"/>), and <see cref="CvatToolFactory"/>.
    /// <paramref name="options"/> is read once, when the project's first client is made; messages name settings by
    /// <paramref name="keys"/> (default: <paramref name="key"/> and <see cref="CvatOptions"/>' property names).
    /// </summary>
    public static IHttpClientBuilder AddCvatProject(this IServiceCollection services, string key, Func<IServiceProvider, CvatOptions> options,
        CvatSettingKeys? keys = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton<CvatToolFactory>();
        services.AddKeyedSingleton(key, (sp, _) => new CvatRegisteredProject(options(sp), keys ?? new CvatSettingKeys(key)));
        return services.AddKeyedRefitGeneratedClient<ICvatApi>(key, CvatJsonContext.Default, _ => CvatHttp.Settings(), CvatToolFactory.ClientName(key),
                allowReflectionFallback: false)
            .ConfigureHttpClient((sp, http) =>
            {
                var project = Project(sp, key);
                http.BaseAddress = new Uri(project.Options.Url.TrimEnd('/') + "/");
                http.Timeout = ConnectorHttpClientBuilderExtensions.OverallTimeout(project.Options.Http);
            })
            .ConfigurePrimaryHttpMessageHandler(CvatHttp.Primary)
            .AddHttpMessageHandler(sp => new CvatAuthHandler(Project(sp, key).Options, Project(sp, key).Keys))
            .AddConnectorResilience(sp => Project(sp, key).Options.Http, "Elfs.Connector.Cvat");
    }

    /// <summary>
    /// Registers the CVAT project whose options are bound from <paramref name="section"/>, keyed by the section's path
    /// (e.g. <c>Cvat</c>); see <see cref="AddCvatProject(IServiceCollection, string, Func{IServiceProvider, CvatOptions}, CvatSettingKeys?)"/>.
    /// </summary>
    public static IHttpClientBuilder AddCvatProject(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddCvatProject(section.Path, _ => section.Get<CvatOptions>() ?? new CvatOptions());
    }

    internal static CvatRegisteredProject Project(IServiceProvider services, string key) => services.GetRequiredKeyedService<CvatRegisteredProject>(key);
}
