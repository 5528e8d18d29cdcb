namespace Elfs.Connector.Cvat.Api;

/// <summary>The fields of <c>ProjectRead</c> the connector uses.</summary>
internal sealed class CvatProject
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}
