using System.Text;

namespace Elfs.Connector.LabelStudio;

/// <summary>
/// Turns an image reference from <c>task.data</c> into the URL to download: relative <c>/data/upload/…</c>,
/// <c>/data/local-files/?d=…</c> and <c>/tasks/{id}/resolve/?fileuri=…</c> under the server root; raw
/// <c>s3://</c>, <c>gs://</c>, <c>azure-blob://</c> URIs through the task's resolve endpoint; absolute http(s) as they are.
/// </summary>
internal static class ImageReference
{
    private static readonly string[] CloudSchemes = ["s3://", "gs://", "azure-blob://"];

    /// <summary>The download URL, or null when the reference is of no supported form.</summary>
    public static Uri? Resolve(Uri baseUri, string externalId, string reference)
    {
        if (string.IsNullOrWhiteSpace(reference)) return null;
        if (CloudSchemes.Any(s => reference.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
            return new Uri(baseUri, $"tasks/{Uri.EscapeDataString(externalId)}/resolve/?fileuri={Uri.EscapeDataString(FileUri(reference))}");
        if (reference.StartsWith('/') && !reference.StartsWith("//", StringComparison.Ordinal))
        {
            var root = baseUri.AbsolutePath.TrimEnd('/');
            var path = root.Length > 0 && reference.StartsWith(root + "/", StringComparison.Ordinal) ? reference : root + reference;
            return new Uri(baseUri, path);
        }
        return Uri.TryCreate(reference, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute : null;
    }

    /// <summary>Label Studio's <c>fileuri</c>: base64url of the URI, WITH '=' padding (without it the server answers 404).</summary>
    public static string FileUri(string uri) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(uri)).Replace('+', '-').Replace('/', '_');

    /// <summary>A URL as it may appear in messages: scheme, host and path, never a query (presigned URLs carry signatures).</summary>
    public static string Describe(Uri uri) => uri.GetLeftPart(UriPartial.Path);
}
