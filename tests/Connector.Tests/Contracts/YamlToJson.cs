using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Elfs.Connector.Tests.Contracts;

/// <summary>
/// Converts a YAML document to JSON, keeping plain scalars' types (numbers, booleans, null) as YAML 1.2 core
/// schema reads them and quoted scalars as strings. Microsoft.OpenApi 2.x reads JSON without its YAML add-on.
/// </summary>
public static partial class YamlToJson
{
    public static string Convert(TextReader yaml)
    {
        var stream = new YamlStream();
        stream.Load(yaml);
        return ToNode(stream.Documents[0].RootNode)?.ToJsonString() ?? "null";
    }

    private static JsonNode? ToNode(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", ToNode(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToNode).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidDataException($"unsupported YAML node at {node.Start}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain) return JsonValue.Create(text);
        if (text is "" or "~" or "null" or "Null" or "NULL") return null;
        if (text is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (Integer().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            return JsonValue.Create(l);
        if (Float().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return JsonValue.Create(d);
        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
