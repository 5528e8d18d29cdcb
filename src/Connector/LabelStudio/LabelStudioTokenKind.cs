namespace Elfs.Connector.LabelStudio;

/// <summary>The kinds of Label Studio API token.</summary>
internal enum LabelStudioTokenKind
{
    /// <summary>A legacy DRF key, sent as <c>Authorization: Token &lt;key&gt;</c>.</summary>
    Legacy,

    /// <summary>A personal access token (JWT refresh token), exchanged at <c>/api/token/refresh/</c> for access tokens.</summary>
    PersonalAccessToken,

    /// <summary>A short-lived JWT access token, sent as <c>Bearer</c> as it is.</summary>
    Access,
}
