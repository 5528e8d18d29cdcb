namespace Elfs.Connector.Cvat.Api;

/// <summary><c>TaskWriteRequest</c> for a batch task: name, project and job size; no labels (the project's apply).</summary>
internal sealed class CvatTaskWrite
{
    public required string Name { get; init; }
    public required int ProjectId { get; init; }
    public required int SegmentSize { get; init; }
    public int Overlap { get; init; }
}
