using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Elfs.Connector.Tests.Contracts;

/// <summary>
/// A small request-body checker over an OpenAPI document (YAML or JSON): finds the operation for a method and a URL
/// (or path template), then checks the JSON body against the operation's JSON request schema (<c>application/json</c> or <c>*+json</c>) —
/// required properties, JSON types (with nullable), enums and array items, through <c>$ref</c> and allOf/oneOf/anyOf.
/// Loaded documents are cached per path, so every test may call <see cref="Load"/>.
/// </summary>
public sealed class OpenApiContract
{
    private static readonly ConcurrentDictionary<string, Lazy<OpenApiContract>> Cache = new();
    private readonly OpenApiDocument document;
    private readonly List<(string Template, Regex Pattern, int Literals)> templates;

    private OpenApiContract(OpenApiDocument document)
    {
        this.document = document;
        templates = document.Paths.Keys
            .Select(t => (t, new Regex("^" + Regex.Replace(Regex.Escape(t), @"\\\{[^}]+}", "[^/]+") + "$"),
                Regex.Replace(t, @"\{[^}]+}", "").Length))
            .OrderByDescending(t => t.Item3)
            .ToList();
    }

    /// <summary>The contract in <paramref name="path"/>, relative to the test output folder unless rooted.</summary>
    public static OpenApiContract Load(string path)
    {
        var full = Path.GetFullPath(path, AppContext.BaseDirectory);
        return Cache.GetOrAdd(full, p => new Lazy<OpenApiContract>(() => Read(p))).Value;
    }

    /// <summary>The Label Studio contract shipped with the tests (Contracts/LabelStudio/openapi.yaml).</summary>
    public static OpenApiContract LabelStudio => Load(Path.Combine("Contracts", "LabelStudio", "openapi.yaml"));

    /// <summary>The path template that <paramref name="pathOrUrl"/> matches (literal segments win), or null.</summary>
    public string? FindTemplate(string pathOrUrl)
    {
        var path = PathOf(pathOrUrl);
        if (document.Paths.ContainsKey(path)) return path;
        return templates.FirstOrDefault(t => t.Pattern.IsMatch(path)).Template;
    }

    /// <summary>
    /// Violations of the contract by a request: no such operation, a missing or unexpected body, or a body whose
    /// JSON does not fit the schema. Each message names the JSON location (e.g. <c>$[3].score</c>). Empty = conforms.
    /// </summary>
    public IReadOnlyList<string> CheckRequest(string method, string pathOrUrl, string? jsonBody)
    {
        var path = PathOf(pathOrUrl);
        var template = FindTemplate(path);
        if (template is null) return [$"{method} {path}: no such path in the contract"];
        var item = document.Paths[template];
        var operation = item.Operations?.FirstOrDefault(o => o.Key.Method.Equals(method, StringComparison.OrdinalIgnoreCase)).Value;
        if (operation is null) return [$"{method} {template}: no such operation in the contract"];
        var where = $"{method.ToUpperInvariant()} {template}";
        var body = operation.RequestBody;
        var hasBody = !string.IsNullOrWhiteSpace(jsonBody);
        if (body is null) return hasBody ? [$"{where}: the contract defines no request body, but one was sent"] : [];
        if (!hasBody) return body.Required ? [$"{where}: a request body is required"] : [];
        var media = body.Content?.FirstOrDefault(c => IsJson(c.Key)).Value;
        if (media?.Schema is null) return [$"{where}: the contract has no JSON request body (application/json or */*+json)"];
        JsonDocument json;
        try { json = JsonDocument.Parse(jsonBody!); }
        catch (JsonException e) { return [$"{where}: the body is not JSON: {e.Message}"]; }
        using (json)
        {
            var violations = new List<string>();
            SchemaCheck.Check(media.Schema, json.RootElement, "$", violations);
            return violations.Select(v => $"{where}: {v}").ToList();
        }
    }

    private static OpenApiContract Read(string path)
    {
        var text = File.ReadAllText(path);
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            text = YamlToJson.Convert(new StringReader(text));
        var result = OpenApiDocument.Parse(text, "json", new OpenApiReaderSettings());
        return new OpenApiContract(result.Document
            ?? throw new InvalidDataException($"{path}: {string.Join("; ", result.Diagnostic?.Errors.Select(e => e.Message) ?? [])}"));
    }

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static string PathOf(string pathOrUrl)
    {
        var path = Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var uri) ? uri.AbsolutePath : pathOrUrl;
        var query = path.IndexOf('?');
        return query >= 0 ? path[..query] : path;
    }
}
