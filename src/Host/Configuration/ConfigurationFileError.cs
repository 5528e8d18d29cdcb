using System.Globalization;
using System.Text.Json;

namespace Elfs.Host.Configuration;

/// <summary>Says where a configuration file is not valid JSON: the file, the line and the position in it (both from 1).</summary>
public static class ConfigurationFileError
{
    /// <summary>The message for <paramref name="error"/> (what the JSON provider threw) reading <paramref name="file"/>.</summary>
    public static string Describe(string file, Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is JsonException { LineNumber: { } line } json)
            {
                var position = json.BytePositionInLine is { } p ? string.Create(CultureInfo.InvariantCulture, $", position {p + 1}") : "";
                return string.Create(CultureInfo.InvariantCulture,
                    $"the configuration file {file} is not valid JSON at line {line + 1}{position}: {FirstSentence(json.Message)}");
            }
        }
        return $"the configuration file {file} cannot be read: {error.GetBaseException().Message}";
    }

    // System.Text.Json appends "Path: $ | LineNumber: 2 | BytePositionInLine: 4." to its messages; the line is said above.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }
}
