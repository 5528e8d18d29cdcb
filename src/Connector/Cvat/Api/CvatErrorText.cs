using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Elfs.Connector.Cvat.Api;

/// <summary>
/// Turns every error body shape CVAT answers with — <c>{"detail": …}</c>, field dictionaries, bare lists, JSON or
/// plain strings, HTML pages from unhandled 500s, empty bodies — into one readable line.
/// </summary>
internal static partial class CvatErrorText
{
    private const int MaxLength = 500;

    public static string Describe(HttpStatusCode status, string? body)
    {
        var text = string.IsNullOrWhiteSpace(body) ? "" : Parse(body.Trim());
        text = Whitespace().Replace(text, " ").Trim();
        if (text.Length > MaxLength) text = text[..MaxLength] + "…";
        return text.Length == 0 ? $"HTTP {(int)status} {status}" : $"HTTP {(int)status} {status}: {text}";
    }

    private static string Parse(string body)
    {
        if (body[0] is '{' or '[' or '"')
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                return Flatten(json.RootElement);
            }
            catch (JsonException) { }
        }
        if (body.StartsWith('<'))
        {
            var title = Title().Match(body);
            if (title.Success) return WebUtility.HtmlDecode(title.Groups[1].Value);
            return WebUtility.HtmlDecode(Tags().Replace(body, " "));
        }
        return body;
    }

    private static string Flatten(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? "",
        JsonValueKind.Array => string.Join("; ", element.EnumerateArray().Select(Flatten).Where(s => s.Length > 0)),
        JsonValueKind.Object => FlattenObject(element),
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => element.GetRawText(),
    };

    private static string FlattenObject(JsonElement element)
    {
        var parts = new StringBuilder();
        foreach (var property in element.EnumerateObject())
        {
            var value = Flatten(property.Value);
            if (value.Length == 0) continue;
            if (parts.Length > 0) parts.Append("; ");
            if (property.Name is not ("detail" or "non_field_errors" or "message")) parts.Append(property.Name).Append(": ");
            parts.Append(value);
        }
        return parts.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Title();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
