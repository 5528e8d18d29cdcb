using System.Text;
using System.Text.Json.Nodes;

namespace Elfs.Connector.Tests.LabelStudio.Fake;

/// <summary>Unsigned JWT-shaped tokens as Label Studio's simplejwt issues them (the client never verifies signatures).</summary>
public static class FakeJwt
{
    public static string Create(string tokenType, DateTimeOffset expires, int userId = 1, DateTimeOffset? issued = null)
    {
        var header = Encode("""{"alg":"HS256","typ":"JWT"}""");
        var payload = Encode(new JsonObject
        {
            ["token_type"] = tokenType, ["exp"] = expires.ToUnixTimeSeconds(), ["iat"] = (issued ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString("N"), ["user_id"] = userId,
        }.ToJsonString());
        return $"{header}.{payload}.{Encode("signature")}";
    }

    private static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
