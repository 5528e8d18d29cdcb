using System.Text;
using System.Text.Json;

namespace Elfs.Connector.LabelStudio;

/// <summary>
/// An API token and its kind, detected as Label Studio's SDK does: a JWT whose payload says <c>token_type</c>
/// "refresh" or "access", else a legacy key. The value is never part of a message.
/// </summary>
internal sealed class LabelStudioToken
{
    private LabelStudioToken(string value, LabelStudioTokenKind kind, DateTimeOffset? expiresAt)
    {
        Value = value;
        Kind = kind;
        ExpiresAt = expiresAt;
    }

    public string Value { get; }
    public LabelStudioTokenKind Kind { get; }
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>Detects the kind; an expired or expiry-less JWT fails fast naming <paramref name="setting"/>.</summary>
    public static LabelStudioToken Parse(string value, string setting, DateTimeOffset now)
    {
        var payload = JwtPayload(value);
        if (payload is null) return new LabelStudioToken(value, LabelStudioTokenKind.Legacy, null);
        var type = payload.Value.TryGetProperty("token_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var kind = type switch
        {
            "refresh" => LabelStudioTokenKind.PersonalAccessToken,
            "access" => LabelStudioTokenKind.Access,
            _ => throw new LabelingToolException($"{setting}: the token is a JWT of type '{type}', not a Label Studio personal access token; " +
                                                 "copy the token from Account & Settings > Personal Access Token"),
        };
        var expires = Expiry(payload.Value)
            ?? throw new LabelingToolException($"{setting}: the JWT token has no expiry (exp); copy a personal access token from Account & Settings");
        if (expires <= now)
            throw new LabelingToolException($"{setting}: the {(kind == LabelStudioTokenKind.Access ? "access" : "personal access")} token expired at " +
                                            $"{expires:u}; create a new personal access token in Account & Settings and export it");
        return new LabelStudioToken(value, kind, expires);
    }

    /// <summary>The expiry (<c>exp</c>) of a JWT, or null when it is not a JWT or has none.</summary>
    public static DateTimeOffset? ExpiryOf(string jwt) => JwtPayload(jwt) is { } payload ? Expiry(payload) : null;

    /// <summary>
    /// How long a freshly issued JWT lives: <c>exp - iat</c>, both stamped by the server's clock, so a clock skew between
    /// server and client does not shorten it; <c>exp - now</c> when it has no <c>iat</c>; null when it is not a JWT or has no expiry.
    /// </summary>
    public static TimeSpan? LifetimeOf(string jwt, DateTimeOffset now)
    {
        if (JwtPayload(jwt) is not { } payload || Expiry(payload) is not { } expires) return null;
        var issued = payload.TryGetProperty("iat", out var iat) && iat.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
        return expires - (issued ?? now);
    }

    private static DateTimeOffset? Expiry(JsonElement payload) =>
        payload.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static JsonElement? JwtPayload(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[1].Length == 0) return null;
        try
        {
            var text = parts[1].Replace('-', '+').Replace('_', '/');
            text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
