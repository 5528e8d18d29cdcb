namespace Elfs.Connector.LabelStudio.Api;

/// <summary><c>{"refresh": "..."}</c> for <c>POST /api/token/refresh/</c>.</summary>
internal sealed record LsTokenRefreshRequest(string Refresh);
