namespace Elfs.Connector.LabelStudio.Api;

/// <summary><c>GET /api/version/</c> (only the release is read).</summary>
internal sealed record LsVersion(string? Release);
