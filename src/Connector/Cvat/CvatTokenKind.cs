namespace Elfs.Connector.Cvat;

/// <summary>How the API token is presented to CVAT.</summary>
public enum CvatTokenKind
{
    /// <summary>A personal access token (CVAT 2.48+): <c>Authorization: Bearer &lt;token&gt;</c>. Recommended.</summary>
    Bearer,

    /// <summary>A legacy API key from <c>POST /api/auth/login</c>: <c>Authorization: Token &lt;key&gt;</c>.</summary>
    Token,
}
