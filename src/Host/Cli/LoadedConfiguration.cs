using Elfs.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace Elfs.Host.Cli;

/// <summary>A configuration and its options, bound and validated once (the process uses these options from then on).</summary>
/// <param name="Configuration">The configuration (file, environment, overrides).</param>
/// <param name="Options">Its <c>Elfs</c> section, bound and found valid.</param>
public sealed record LoadedConfiguration(IConfiguration Configuration, ElfsOptions Options)
{
    /// <summary>Binds and validates <paramref name="configuration"/>; throws <see cref="ConfigurationException"/> listing every problem.</summary>
    public static LoadedConfiguration Validate(IConfiguration configuration)
    {
        var options = ElfsConfiguration.Bind(configuration, out var problems);
        return problems.Count > 0 ? throw new ConfigurationException(problems) : new LoadedConfiguration(configuration, options);
    }
}
