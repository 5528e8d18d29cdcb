namespace Elfs.Connector.Cvat.Api;

/// <summary>The fields of <c>TaskRead</c> the connector uses; a task without data omits <c>size</c> and sends <c>overlap: null</c>.</summary>
internal sealed class CvatTask
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int? ProjectId { get; set; }
    public int? Size { get; set; }
    public int? SegmentSize { get; set; }
    public string? Status { get; set; }
    public string? DataOriginalChunkType { get; set; }
    public DateTimeOffset? UpdatedDate { get; set; }
    public CvatJobsSummary? Jobs { get; set; }
    public int? GuideId { get; set; }
}
