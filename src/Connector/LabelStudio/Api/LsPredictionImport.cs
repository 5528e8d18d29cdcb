using System.Text.Json.Nodes;

namespace Elfs.Connector.LabelStudio.Api;

/// <summary>One item of <c>POST /api/projects/{id}/import/predictions</c>.</summary>
internal sealed record LsPredictionImport(long Task, JsonArray Result, double Score, string ModelVersion);
