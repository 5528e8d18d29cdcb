using System.Net;
using Elfs.Connector.Cvat.Api;
using Elfs.Connector.Http;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.Cvat;

/// <summary>The handler chain of a CVAT client: headers and token outermost, then retries and the circuit breaker.</summary>
internal static class CvatHttp
{
    public static DelegatingHandler[] Handlers(CvatOptions options, string settingPrefix, ILogger logger) =>
        [new CvatAuthHandler(options, settingPrefix), new ResilientHttpHandler(options.Http, logger)];

    public static SocketsHttpHandler Primary() => new()
    {
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseCookies = false,
    };
}
