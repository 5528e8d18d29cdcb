namespace Elfs.Connector.Cvat.Api;

/// <summary>The fields of <c>ProjectRead</c> the connector uses.</summary>
internal sealed class CvatProject
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The owning organization's id; null for a personal project.</summary>
    public int? OrganizationId { get; set; }
}
