using System.Text.RegularExpressions;

namespace Elfs.Connector;

/// <summary>
/// The identity of one selection run; connectors derive their idempotency keys from it (e.g. Label Studio's
/// <c>model_version = "elfs-&lt;run id&gt;"</c>). 1–64 characters of letters, digits, '-' and '_'.
/// </summary>
public readonly partial record struct RunId
{
    /// <summary>Creates a run id, validating its characters.</summary>
    public RunId(string value)
    {
        if (!IsValid(value))
            throw new ArgumentException($"run id '{value}' must be 1-64 characters of letters, digits, '-' or '_'", nameof(value));
        Value = value!;
    }

    /// <summary>Whether <paramref name="value"/> is a valid run id.</summary>
    public static bool IsValid(string? value) => Allowed().IsMatch(value ?? "");

    /// <summary>The text of the id.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Allowed();
}
