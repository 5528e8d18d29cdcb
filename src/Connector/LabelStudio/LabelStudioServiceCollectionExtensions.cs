using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Elfs.Connector.LabelStudio;

/// <summary>Registers the Label Studio connector.</summary>
public static class LabelStudioServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="LabelStudioToolFactory.HttpClientName"/> HTTP client (pooled connections, redirects followed
    /// by the connector so credentials never leave the Label Studio host, decompression) and
    /// <see cref="LabelStudioToolFactory"/> as a singleton.
    /// </summary>
    public static IServiceCollection AddLabelStudioConnector(this IServiceCollection services)
    {
        services.AddHttpClient(LabelStudioToolFactory.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = 8,
            });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LabelStudioToolFactory>();
        return services;
    }
}
