namespace Elfs.Connector.LabelStudio.Api;

/// <summary>The OSS project fields the connector reads (<c>GET /api/projects/{id}/</c>).</summary>
internal sealed record LsProject
{
    public int Id { get; init; }
    public string? Title { get; init; }
    public string? LabelConfig { get; init; }
    public string? Sampling { get; init; }
    public bool ShowCollabPredictions { get; init; } = true;
    public string? ModelVersion { get; init; }
    public int MaximumAnnotations { get; init; } = 1;
    public bool ShowOverlapFirst { get; init; }
    public bool ShowGroundTruthFirst { get; init; }
    public int? TaskNumber { get; init; }
}
