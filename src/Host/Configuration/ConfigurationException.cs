namespace Elfs.Host.Configuration;

/// <summary>The configuration has problems; <see cref="Problems"/> lists each one naming its key.</summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConfigurationException(IReadOnlyList<string> problems)
        : base("the configuration has problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        Problems = problems;
    }

    /// <summary>One message per problem.</summary>
    public IReadOnlyList<string> Problems { get; }
}
