namespace Elfs.Connector;

/// <summary>An item a push could not queue.</summary>
/// <param name="ExternalId">The tool's id for the item.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record RejectedItem(string ExternalId, string Reason);
