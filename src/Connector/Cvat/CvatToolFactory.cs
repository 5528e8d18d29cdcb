using Elfs.Connector.Cvat.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Elfs.Connector.Cvat;

/// <summary>
/// Makes the <see cref="ILabelingTool"/> of a CVAT project registered with
/// <c>AddCvatProject</c> (<see cref="CvatServiceCollectionExtensions"/>). Tools share their project's pooled connections and
/// handler chain, so a host making one tool per run keeps one connection pool per project however many runs it makes.
/// </summary>
public sealed class CvatToolFactory(IServiceProvider services, IHttpClientFactory clients, ILoggerFactory? loggers = null)
{
    /// <summary>The <see cref="IHttpClientFactory"/> name of the client of the project registered under <paramref name="key"/>.</summary>
    public static string ClientName(string key) => "Elfs.Cvat:" + key;

    /// <summary>
    /// The tool of the project registered under <paramref name="key"/>, recording placements in <paramref name="ledger"/>.
    /// Throws <see cref="ArgumentException"/> listing every invalid setting by its full key; the token is read from its
    /// environment variable on use.
    /// </summary>
    public ILabelingTool Create(string key, ICvatPlacementLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var project = services.GetKeyedService<CvatRegisteredProject>(key)
            ?? throw new InvalidOperationException($"no CVAT project is registered under '{key}'; call AddCvatProject(\"{key}\", …) at start-up");
        var problems = project.Options.Validate(project.Keys.Prefix).ToList();
        if (problems.Count > 0) throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(key));
        var logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("Elfs.Connector.Cvat");
        var api = new CvatApiClient(services.GetRequiredKeyedService<ICvatApi>(key), clients.CreateClient(ClientName(key)), project.Options,
            project.Keys, logger);
        return new CvatLabelingTool(api, ledger, logger);
    }
}
