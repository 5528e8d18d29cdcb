namespace Elfs.Connector.Http;

/// <summary>Reads API tokens from environment variables; a token never appears in a message or a log.</summary>
public static class TokenSource
{
    /// <summary>
    /// The token in the variable named <paramref name="variableName"/>; throws <see cref="LabelingToolException"/>
    /// naming the setting and the variable (never a value) when it is unset or empty.
    /// </summary>
    public static string Read(string? variableName, string settingKey)
    {
        if (string.IsNullOrWhiteSpace(variableName))
            throw new LabelingToolException($"{settingKey} is empty: name the environment variable that holds the API token");
        var value = Environment.GetEnvironmentVariable(variableName);
        if (string.IsNullOrWhiteSpace(value))
            throw new LabelingToolException($"{settingKey}: the environment variable {variableName} is not set or empty; export it with the API token");
        return value.Trim();
    }
}
