namespace Elfs.Host.Status;

/// <summary>The body of <c>/health</c>.</summary>
/// <param name="Status">"ok" or "degraded".</param>
/// <param name="SchemaVersion">The store's schema version.</param>
/// <param name="Projects">Enabled projects.</param>
/// <param name="Detail">What is wrong when degraded.</param>
public sealed record HealthView(string Status, int SchemaVersion, int Projects, string? Detail);
