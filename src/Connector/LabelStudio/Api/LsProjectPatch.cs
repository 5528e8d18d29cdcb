namespace Elfs.Connector.LabelStudio.Api;

/// <summary>A partial project update (<c>PATCH /api/projects/{id}/</c>); null fields are not sent.</summary>
internal sealed record LsProjectPatch(string? Sampling = null, string? ModelVersion = null);
