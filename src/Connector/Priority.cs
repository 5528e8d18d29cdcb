namespace Elfs.Connector;

/// <summary>One queued item.</summary>
/// <param name="ExternalId">The tool's id for the item.</param>
/// <param name="Rank">1 = label first.</param>
/// <param name="Score">The selection score in [0, 1]; lower is served sooner.</param>
/// <param name="PseudoClass">The item's pseudo-label (cluster).</param>
/// <param name="Reason">A short sentence a labeler can read: why this item is in the queue.</param>
public sealed record Priority(string ExternalId, int Rank, double Score, int PseudoClass, string Reason);
