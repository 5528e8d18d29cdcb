namespace Elfs.Host.Configuration;

/// <summary><c>Elfs:StatusPage</c>: the small read-only web page of <c>elfs run</c>.</summary>
public sealed class StatusPageOptions
{
    /// <summary>Serve the page. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Loopback address to listen on: <c>127.0.0.1</c> (default) or <c>::1</c>.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one. Default 5080.</summary>
    public int Port { get; set; } = 5080;
}
