namespace Elfs.Connector.Tests.LabelStudio.Fake;

/// <summary>A task: its image reference under <c>data.image</c>, whether it is labeled, who annotated or holds its lock.</summary>
public sealed class FakeTask
{
    public required long Id { get; init; }
    public required string Image { get; set; }
    public bool IsLabeled { get; set; }
    public DateTimeOffset UpdatedAt { get; set; } = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    public HashSet<int> AnnotatedBy { get; } = [];
    public int? LockedBy { get; set; }
}
