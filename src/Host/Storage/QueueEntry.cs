namespace Elfs.Host.Storage;

/// <summary>One line of a run's queue as pushed.</summary>
/// <param name="Rank">1 = label first.</param>
/// <param name="ExternalId">The tool's id.</param>
/// <param name="Score">Served-sooner score in [0, 1] (lower first).</param>
/// <param name="PseudoLabel">Its cluster.</param>
/// <param name="Reason">Why it is queued, in words.</param>
/// <param name="KeptFrom">The earlier run that queued it, when it was kept rather than newly selected.</param>
public sealed record QueueEntry(int Rank, string ExternalId, double Score, int PseudoLabel, string Reason, string? KeptFrom);
