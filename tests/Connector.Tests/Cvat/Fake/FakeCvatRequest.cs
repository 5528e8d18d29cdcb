namespace Elfs.Connector.Tests.Cvat.Fake;

/// <summary>A background creation request: queued, started for some polls, then finished or failed.</summary>
public sealed class FakeCvatRequest
{
    public required string Id { get; init; }
    public required int TaskId { get; init; }
    public string Status { get; set; } = "queued";
    public string Message { get; set; } = "";
    public int Polls { get; set; }

    /// <summary>The work the request does when it completes; returns null or a failure message.</summary>
    public required Func<string?> Complete { get; init; }
}
