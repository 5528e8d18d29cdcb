namespace Elfs.Connector.Cvat.Api;

/// <summary><c>TaskRead.jobs</c>: job counts of a task.</summary>
internal sealed class CvatJobsSummary
{
    public int Count { get; set; }
    public int Completed { get; set; }
}
