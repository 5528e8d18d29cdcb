using Elfs.Connector.Cvat.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Elfs.Connector.Cvat;

/// <summary>Creates the CVAT connector without a service container (CLI, tests); hosts may use <see cref="CvatServiceCollectionExtensions"/>.</summary>
public static class CvatToolFactory
{
    /// <summary>
    /// A CVAT connector for <paramref name="options"/>; throws <see cref="ArgumentException"/> listing every invalid
    /// setting (named under <paramref name="settingPrefix"/>). The token is read from its environment variable on use.
    /// </summary>
    public static ILabelingTool Create(CvatOptions options, ICvatPlacementLedger ledger, ILoggerFactory? loggerFactory = null,
        string settingPrefix = "Cvat")
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ledger);
        var problems = options.Validate(settingPrefix).ToList();
        if (problems.Count > 0) throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Elfs.Connector.Cvat");
        HttpMessageHandler handler = CvatHttp.Primary();
        foreach (var outer in CvatHttp.Handlers(options, settingPrefix, logger).Reverse())
        {
            outer.InnerHandler = handler;
            handler = outer;
        }
        var api = new CvatApiClient(new HttpClient(handler), options, settingPrefix, logger);
        return new CvatLabelingTool(api, ledger, settingPrefix, logger);
    }
}
