namespace Elfs.Connector.Cvat.Api;

/// <summary>The fields of <c>JobRead</c> the connector uses (frames are task-relative, <c>stop_frame</c> inclusive).</summary>
internal sealed class CvatJob
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public string? Type { get; set; }
    public string? State { get; set; }
    public string? Stage { get; set; }
    public int StartFrame { get; set; }
    public int StopFrame { get; set; }
    public CvatUser? Assignee { get; set; }
}
