namespace Elfs.Connector.Cvat.Api;

/// <summary><c>AnnotationGuideWriteRequest</c>: the markdown annotators read beside a task.</summary>
internal sealed class CvatGuideWrite
{
    public required int TaskId { get; init; }
    public required string Markdown { get; init; }
}
