using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Elfs.Connector.Tests.LabelStudio.Fake;

public sealed partial class FakeLabelStudio
{
    /// <summary>The reference a task uses for an uploaded file.</summary>
    public string UploadRef(string name) => $"/data/upload/{Project.Id}/{name}";

    /// <summary>The reference a task uses for a Local Files storage file.</summary>
    public static string LocalRef(string path) => $"/data/local-files/?d={Uri.EscapeDataString(path)}";

    /// <summary>An absolute URL on the second ("cloud") host.</summary>
    public string CloudUrl(string key) => new Uri(Cloud.BaseUri, key).ToString();

    private void MapMedia(WebApplication app)
    {
        // 1.22: an unknown upload file answers 500 (server-behaviour.md).
        app.MapGet("/data/upload/{project:int}/{name}", (HttpContext c, int project, string name) =>
            Serve(c, $"upload/{project}/{name}", missingStatus: 500));
        app.MapGet("/data/local-files/", (HttpContext c) => Serve(c, $"local/{c.Request.Query["d"]}", missingStatus: 404));
        app.MapGet("/tasks/{id:long}/resolve/", (HttpContext c, long id) =>
        {
            var uri = DecodeFileUri(c.Request.Query["fileuri"].ToString());
            lock (gate)
                if (uri is null || !tasks.ContainsKey(id)) return Text(c, 404, "");
            var scheme = uri.IndexOf("://", StringComparison.Ordinal);
            if (scheme < 0) return Text(c, 404, "");
            c.Response.Headers.CacheControl = "no-store, max-age=3600";
            c.Response.Headers.Location = new Uri(Cloud.BaseUri, uri[(scheme + 3)..] + "?X-Amz-Signature=fakesig&X-Amz-Expires=3600").ToString();
            c.Response.StatusCode = 303;
            return Task.CompletedTask;
        });
    }

    /// <summary>A presigned-URL host: any Authorization header is refused (as S3 refuses two auth mechanisms).</summary>
    private void MapCloud(WebApplication app) =>
        app.MapGet("/{**key}", (HttpContext c, string key) =>
            c.Request.Headers.Authorization.Count > 0
                ? Text(c, 400, "<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>")
                : Serve(c, $"cloud/{key}", missingStatus: 404));

    private Task Serve(HttpContext context, string key, int missingStatus)
    {
        byte[]? bytes;
        lock (gate) files.TryGetValue(key, out bytes);
        if (bytes is null) return Text(context, missingStatus, missingStatus == 500 ? "Server Error (500)" : "");
        context.Response.ContentType = "image/png";
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes).AsTask();
    }

    /// <summary>Label Studio's decoding: base64url WITH padding, else the value is not understood (404).</summary>
    private static string? DecodeFileUri(string value)
    {
        if (value.Length == 0 || value.Length % 4 != 0) return null;
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/'))); }
        catch (FormatException) { return null; }
    }

    private static Task Text(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(text);
    }
}
