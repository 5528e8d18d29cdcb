using System.Net;
using Elfs.Connector.Http;
using Elfs.Connector.Cvat.Api;
using Refit;

namespace Elfs.Connector.Cvat;

/// <summary>What every CVAT client shares: the primary handler and the Refit settings over the source-generated JSON context.</summary>
internal static class CvatHttp
{
    /// <summary>Pooled connections (at most <see cref="ConnectorHttpOptions.ConnectionsPerServer"/>), decompression, no cookies.</summary>
    public static SocketsHttpHandler Primary() => new()
    {
        MaxConnectionsPerServer = ConnectorHttpOptions.ConnectionsPerServer,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseCookies = false,
    };

    /// <summary>System.Text.Json source generation (<see cref="CvatJsonContext"/>), bodies buffered so they carry a Content-Length.</summary>
    public static RefitSettings Settings()
    {
        var settings = RefitSettings.ForJsonContext(CvatJsonContext.Default);
        settings.RequestBodySerialization = RequestBodySerializationMode.Buffered;
        return settings;
    }
}
