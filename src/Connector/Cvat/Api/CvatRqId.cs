namespace Elfs.Connector.Cvat.Api;

/// <summary><c>RqId</c>: the id of a background request, answered with 202 (and with 409 while one runs).</summary>
internal sealed class CvatRqId
{
    public string? RqId { get; set; }
}
