namespace Elfs.Connector.Cvat.Api;

/// <summary>The fields of <c>Label</c> the connector uses.</summary>
internal sealed class CvatLabel
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int? ParentId { get; set; }
}
