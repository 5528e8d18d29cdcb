namespace Elfs.Connector.Cvat.Api;

/// <summary><c>BasicUser</c> / <c>User</c>: id and username.</summary>
internal sealed class CvatUser
{
    public int Id { get; set; }
    public string Username { get; set; } = "";
}
