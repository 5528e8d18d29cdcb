using System.Net;

namespace Elfs.Connector.Cvat.Api;

/// <summary>A CVAT response read to the end: status, body text and request id (for logs).</summary>
internal sealed record CvatAnswer(HttpMethod Method, string Path, HttpStatusCode Status, string Body, string? RequestId)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
