using System.Net;
using Elfs.Connector.Http;
using Elfs.Connector.LabelStudio.Api;
using Refit;

namespace Elfs.Connector.LabelStudio;

/// <summary>What every Label Studio client shares: the primary handler and the Refit settings over the source-generated JSON context.</summary>
internal static class LabelStudioHttp
{
    /// <summary>Pooled connections, decompression, and no automatic redirects: the image reader follows them so credentials stay on the Label Studio host.</summary>
    public static SocketsHttpHandler Primary() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = ConnectorHttpOptions.ConnectionsPerServer,
    };

    /// <summary>System.Text.Json source generation (<see cref="LabelStudioJsonContext"/>), bodies buffered so they carry a Content-Length.</summary>
    public static RefitSettings Settings()
    {
        var settings = RefitSettings.ForJsonContext(LabelStudioJsonContext.Default);
        settings.RequestBodySerialization = RequestBodySerializationMode.Buffered;
        return settings;
    }
}
