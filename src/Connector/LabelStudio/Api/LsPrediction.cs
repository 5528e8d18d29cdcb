namespace Elfs.Connector.LabelStudio.Api;

/// <summary>A stored prediction (<c>GET /api/predictions/</c>).</summary>
internal sealed record LsPrediction(long Id, long Task, double? Score, string? ModelVersion);
