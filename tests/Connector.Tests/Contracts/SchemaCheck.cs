using System.Text.Json;
using Microsoft.OpenApi;

namespace Elfs.Connector.Tests.Contracts;

/// <summary>Checks a JSON value against an OpenAPI schema: types, nullable, required, enum, items, properties, composition.</summary>
public static class SchemaCheck
{
    public static void Check(IOpenApiSchema schema, JsonElement value, string at, List<string> violations)
    {
        if (schema.AllOf is { Count: > 0 } allOf)
            foreach (var part in allOf) Check(part, value, at, violations);
        if (schema.OneOf is { Count: > 0 } oneOf) CheckAlternatives(oneOf, value, at, violations, "oneOf");
        if (schema.AnyOf is { Count: > 0 } anyOf) CheckAlternatives(anyOf, value, at, violations, "anyOf");

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (schema.Type is { } t && !t.HasFlag(JsonSchemaType.Null))
                violations.Add($"{at}: null is not allowed (type {t})");
            return;
        }
        if (schema.Type is { } type && !Fits(type, value))
        {
            violations.Add($"{at}: expected {type}, got {value.ValueKind}");
            return;
        }
        if (schema.Enum is { Count: > 0 } values && !values.Any(v => v is not null && JsonElement.DeepEquals(JsonDocument.Parse(v.ToJsonString()).RootElement, value)))
            violations.Add($"{at}: {value.GetRawText()} is not one of {string.Join(", ", values.Select(v => v?.ToJsonString()))}");

        if (value.ValueKind == JsonValueKind.Array && schema.Items is { } items)
        {
            var i = 0;
            foreach (var element in value.EnumerateArray()) Check(items, element, $"{at}[{i++}]", violations);
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in schema.Required ?? new HashSet<string>())
                if (!value.TryGetProperty(name, out _) && !(schema.Properties?.TryGetValue(name, out var p) == true && p.ReadOnly))
                    violations.Add($"{at}: required property '{name}' is missing");
            if (schema.Properties is { } properties)
                foreach (var property in value.EnumerateObject())
                    if (properties.TryGetValue(property.Name, out var propertySchema))
                    {
                        if (propertySchema.ReadOnly) violations.Add($"{at}.{property.Name}: read-only, must not be sent");
                        else Check(propertySchema, property.Value, $"{at}.{property.Name}", violations);
                    }
        }
    }

    private static void CheckAlternatives(IList<IOpenApiSchema> options, JsonElement value, string at, List<string> violations, string kind)
    {
        var results = options.Select(o => { var v = new List<string>(); Check(o, value, at, v); return v; }).ToList();
        if (results.All(r => r.Count > 0))
            violations.Add($"{at}: matches none of the {kind} alternatives ({string.Join(" | ", results.Select(r => r[0]))})");
    }

    private static bool Fits(JsonSchemaType type, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => type.HasFlag(JsonSchemaType.String),
        JsonValueKind.True or JsonValueKind.False => type.HasFlag(JsonSchemaType.Boolean),
        JsonValueKind.Number => type.HasFlag(JsonSchemaType.Number)
            || (type.HasFlag(JsonSchemaType.Integer) && value.TryGetInt64(out _)),
        JsonValueKind.Array => type.HasFlag(JsonSchemaType.Array),
        JsonValueKind.Object => type.HasFlag(JsonSchemaType.Object),
        _ => false,
    };
}
