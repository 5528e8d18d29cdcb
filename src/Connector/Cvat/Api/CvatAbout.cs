namespace Elfs.Connector.Cvat.Api;

/// <summary><c>About</c>: the server's name and version.</summary>
internal sealed class CvatAbout
{
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
}
