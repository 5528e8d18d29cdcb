namespace Elfs.Host.Tests;

/// <summary>A process environment variable holding a legacy-format tool token for one test, removed afterwards.</summary>
public sealed class TokenVariable : IDisposable
{
    /// <summary>Sets a fresh variable (name starting with <paramref name="prefix"/>) to a 40-hex-digit token.</summary>
    public TokenVariable(string prefix)
    {
        Name = prefix + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Environment.SetEnvironmentVariable(Name, "0123456789abcdef0123456789abcdef01234567");
    }

    /// <summary>The variable's name (what a project's TokenEnv names).</summary>
    public string Name { get; }

    /// <summary>Removes the variable.</summary>
    public void Dispose() => Environment.SetEnvironmentVariable(Name, null);
}
