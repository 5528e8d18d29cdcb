namespace Elfs.Connector.Cvat.Api;

/// <summary>CVAT's paginated list envelope (<c>Paginated*List</c>).</summary>
internal sealed class CvatPage<T>
{
    public int Count { get; set; }
    public string? Next { get; set; }
    public List<T> Results { get; set; } = [];
}
