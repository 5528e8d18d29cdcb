using Elfs.Connector.Http;

namespace Elfs.Connector.LabelStudio;

/// <summary>One Label Studio project's connection settings (configuration section e.g. <c>Projects:0:LabelStudio</c>).</summary>
public sealed class LabelStudioOptions
{
    /// <summary>The server's root URL, e.g. <c>https://labelstudio.example.com</c> (http or https, no query).</summary>
    public string Url { get; set; } = "";

    /// <summary>
    /// The environment variable holding the API token: a legacy <c>Token</c> key or a personal access token (JWT
    /// refresh token); the kind is detected from the token. Default <c>LABEL_STUDIO_TOKEN</c>.
    /// </summary>
    public string TokenEnv { get; set; } = "LABEL_STUDIO_TOKEN";

    /// <summary>The project id (the number in <c>/projects/{id}/</c>).</summary>
    public int ProjectId { get; set; }

    /// <summary>The number of classes K; when null it is read from the label config's <c>&lt;Choices&gt;</c>/<c>&lt;Labels&gt;</c>.</summary>
    public int? Classes { get; set; }

    /// <summary>The task data key holding the image; when null it is read from <c>&lt;Image value="$key"&gt;</c>.</summary>
    public string? ImageKey { get; set; }

    /// <summary>Tasks per page while syncing (1..5000). Default 500.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Predictions per import request while pushing (1..5000). Default 500.</summary>
    public int ImportChunkSize { get; set; } = 500;

    /// <summary>Time allowed for one image download, body included. Default 60 s.</summary>
    public TimeSpan ImageTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A personal access token's short-lived access token is renewed when it expires within this. Default 60 s.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeouts, retries, circuit and the image size limit (<see cref="ConnectorHttpOptions.MaxImageBytes"/>).</summary>
    public ConnectorHttpOptions Http { get; set; } = new();

    /// <summary>Problems with these settings, each naming the key (under <paramref name="prefix"/>) and what is allowed.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
            yield return $"{prefix}:Url: '{Url}' must be an absolute http(s) URL without a query, e.g. https://labelstudio.example.com";
        if (string.IsNullOrWhiteSpace(TokenEnv))
            yield return $"{prefix}:TokenEnv: must name the environment variable that holds the API token";
        if (ProjectId < 1) yield return $"{prefix}:ProjectId: {ProjectId} must be a project id (1 or more)";
        if (Classes is < 2) yield return $"{prefix}:Classes: {Classes} must be at least 2, or left out to read it from the label config";
        if (ImageKey is not null && string.IsNullOrWhiteSpace(ImageKey))
            yield return $"{prefix}:ImageKey: must be a task data key, or left out to read it from the label config";
        if (PageSize is < 1 or > 5000) yield return $"{prefix}:PageSize: {PageSize} is not in 1..5000";
        if (ImportChunkSize is < 1 or > 5000) yield return $"{prefix}:ImportChunkSize: {ImportChunkSize} is not in 1..5000";
        if (ImageTimeout <= TimeSpan.Zero) yield return $"{prefix}:ImageTimeout: {ImageTimeout} must be positive";
        if (TokenRefreshMargin < TimeSpan.Zero) yield return $"{prefix}:TokenRefreshMargin: {TokenRefreshMargin} must not be negative";
        foreach (var problem in Http.Validate($"{prefix}:Http")) yield return problem;
    }

    /// <summary>The server root as a URI ending in '/'.</summary>
    internal Uri BaseUri => new(Url.EndsWith('/') ? Url : Url + "/");
}
