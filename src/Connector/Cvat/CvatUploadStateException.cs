namespace Elfs.Connector.Cvat;

/// <summary>A batch task's uploaded files are no longer known (CVAT refused a batch with 500); the task must be made again.</summary>
internal sealed class CvatUploadStateException(int taskId, string detail)
    : Exception($"CVAT task {taskId} refused an upload batch, most likely holding one of its files already: {detail}")
{
    public int TaskId { get; } = taskId;
}
