using System.Text.Json;

namespace Elfs.Connector.LabelStudio.Api;

/// <summary>A task as <c>GET /api/tasks/?fields=task_only</c> lists it (the fields the connector reads).</summary>
internal sealed record LsTask
{
    public long Id { get; init; }
    public Dictionary<string, JsonElement>? Data { get; init; }
    public bool IsLabeled { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
}
