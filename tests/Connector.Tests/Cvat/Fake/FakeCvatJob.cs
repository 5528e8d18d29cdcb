namespace Elfs.Connector.Tests.Cvat.Fake;

/// <summary>A job of the fake CVAT: a contiguous frame range of a task with a type, state and stage.</summary>
public sealed class FakeCvatJob
{
    public int Id { get; init; }
    public int TaskId { get; init; }
    public string Type { get; init; } = "annotation";
    public string State { get; set; } = "new";
    public string Stage { get; set; } = "annotation";
    public int Start { get; init; }
    public int Stop { get; init; }
    public int? AssigneeId { get; set; }
}
