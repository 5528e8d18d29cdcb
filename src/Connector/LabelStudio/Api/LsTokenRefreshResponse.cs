namespace Elfs.Connector.LabelStudio.Api;

/// <summary><c>{"access": "..."}</c>.</summary>
internal sealed record LsTokenRefreshResponse(string? Access);
