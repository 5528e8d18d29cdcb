namespace Elfs.Connector.Tests.Cvat.Fake;

/// <summary>Headers of one request the fake CVAT received.</summary>
public sealed record FakeCvatSeen(string Method, string PathAndQuery, string? Accept, string? Organization, string? UploadHeader, string RawTarget);
