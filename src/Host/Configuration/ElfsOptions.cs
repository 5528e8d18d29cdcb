namespace Elfs.Host.Configuration;

/// <summary>The whole configuration of the host, bound from the <c>Elfs</c> section.</summary>
public sealed class ElfsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Elfs";

    /// <summary>Where the state lives (<c>Elfs:Storage</c>).</summary>
    public StorageOptions Storage { get; set; } = new();

    /// <summary>How the selection engine runs (<c>Elfs:Engine</c>).</summary>
    public EngineOptions Engine { get; set; } = new();

    /// <summary>The status page of <c>elfs run</c> (<c>Elfs:StatusPage</c>).</summary>
    public StatusPageOptions StatusPage { get; set; } = new();

    /// <summary>The labeling projects (<c>Elfs:Projects</c>).</summary>
    public List<ProjectOptions> Projects { get; set; } = [];

    /// <summary>Diagnostics for operators and tests (<c>Elfs:Diagnostics</c>).</summary>
    public DiagnosticsOptions Diagnostics { get; set; } = new();

    /// <summary>The project named <paramref name="name"/> (case-insensitive), or null.</summary>
    public ProjectOptions? FindProject(string name) =>
        Projects.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
