using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Elfs.Connector.LabelStudio.Api;

/// <summary>Reads a response body with source-generated JSON; malformed JSON becomes a <see cref="MalformedJsonException"/>.</summary>
internal static class ApiJson
{
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string what, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(text, type) ?? throw new JsonException("the body is JSON null");
        }
        catch (JsonException e)
        {
            throw new MalformedJsonException($"Label Studio answered {what} (HTTP {(int)response.StatusCode}) with a body that is not the expected JSON " +
                                             $"({e.Message}); check that the URL is a Label Studio server and that no proxy rewrites its answers", e);
        }
    }

    private static string Validation(JsonElement errors) => string.Join("; ", errors.EnumerateObject().Select(field =>
        $"{field.Name}: " + (field.Value.ValueKind == JsonValueKind.Array
            ? string.Join(" ", field.Value.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString() : m.GetRawText()))
            : field.Value.GetRawText())));

    /// <summary>The error detail of a Label Studio error body, or its first characters when it is not JSON.</summary>
    public static string Detail(string body)
    {
        try
        {
            var error = JsonSerializer.Deserialize(body, LabelStudioJsonContext.Default.LsError);
            var validation = error?.ValidationErrors is { ValueKind: JsonValueKind.Object } v ? " (" + Validation(v) + ")" : "";
            if (error?.Detail is not null) return error.Detail + validation;
        }
        catch (JsonException) { }
        var trimmed = body.Trim();
        return trimmed.Length > 200 ? trimmed[..200] + "…" : trimmed.Length == 0 ? "(empty body)" : trimmed;
    }
}
