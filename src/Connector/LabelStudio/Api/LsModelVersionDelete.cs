namespace Elfs.Connector.LabelStudio.Api;

/// <summary><c>{"model_version": "..."}</c> for <c>DELETE /api/projects/{id}/model-versions/</c>.</summary>
internal sealed record LsModelVersionDelete(string ModelVersion);
