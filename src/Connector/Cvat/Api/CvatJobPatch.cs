namespace Elfs.Connector.Cvat.Api;

/// <summary><c>PatchedJobWriteRequest</c> assigning a job.</summary>
internal sealed class CvatJobPatch
{
    public required int Assignee { get; init; }
}
