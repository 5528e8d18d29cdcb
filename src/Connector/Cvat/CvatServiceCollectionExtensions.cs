using Elfs.Connector.Cvat.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Elfs.Connector.Cvat;

/// <summary>Registers the CVAT connector in a generic host.</summary>
public static class CvatServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="CvatOptions"/> from <paramref name="section"/> (validated at start-up), registers the typed
    /// CVAT <see cref="HttpClient"/> (token and headers, retries, circuit breaker) through <c>IHttpClientFactory</c>,
    /// an in-memory <see cref="ICvatPlacementLedger"/> unless one is registered, and <see cref="ILabelingTool"/>.
    /// </summary>
    public static IHttpClientBuilder AddCvatConnector(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var prefix = section is IConfigurationSection s ? s.Path : "Cvat";
        services.AddOptions<CvatOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CvatOptions>>(new CvatOptionsValidator(prefix));
        services.TryAddSingleton<ICvatPlacementLedger, InMemoryCvatPlacementLedger>();
        services.AddTransient<ILabelingTool>(sp => new CvatLabelingTool(sp.GetRequiredService<CvatApiClient>(),
            sp.GetRequiredService<ICvatPlacementLedger>(), prefix, Logger(sp)));
        return services.AddHttpClient(nameof(CvatApiClient))
            .ConfigurePrimaryHttpMessageHandler(CvatHttp.Primary)
            .ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
            {
                foreach (var handler in CvatHttp.Handlers(Options(sp), prefix, Logger(sp))) handlers.Add(handler);
            })
            .AddTypedClient((http, sp) => new CvatApiClient(http, Options(sp), prefix, Logger(sp)));
    }

    private static CvatOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<CvatOptions>>().Value;

    private static ILogger Logger(IServiceProvider sp) => sp.GetRequiredService<ILoggerFactory>().CreateLogger("Elfs.Connector.Cvat");
}
