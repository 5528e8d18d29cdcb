namespace Elfs.Connector.Cvat.Api;

/// <summary><c>Request</c>: a background request's state (<c>queued</c>, <c>started</c>, <c>finished</c>, <c>failed</c>).</summary>
internal sealed class CvatRequest
{
    public string Id { get; set; } = "";
    public string Status { get; set; } = "";
    public string? Message { get; set; }
    public double? Progress { get; set; }
}
