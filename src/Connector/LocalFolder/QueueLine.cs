namespace Elfs.Connector.LocalFolder;

/// <summary>One queued image in queue.json / queue.csv.</summary>
/// <param name="Rank">1 = label first.</param>
/// <param name="Path">The image's path relative to the folder.</param>
/// <param name="Score">Served-sooner score in [0, 1] (lower first).</param>
/// <param name="PseudoLabel">Its pseudo-class.</param>
/// <param name="Reason">Why it is queued.</param>
public sealed record QueueLine(int Rank, string Path, double Score, int PseudoLabel, string Reason);
