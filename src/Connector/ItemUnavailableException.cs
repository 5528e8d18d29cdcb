namespace Elfs.Connector;

/// <summary>One item's image cannot be read (missing, forbidden, too large, timed out); the run goes on without it.</summary>
public sealed class ItemUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ItemUnavailableException(string externalId, string reason, Exception? inner = null)
        : base($"item {externalId}: {reason}", inner)
    {
        ExternalId = externalId;
        Reason = reason;
    }

    /// <summary>The item's id in the tool.</summary>
    public string ExternalId { get; }

    /// <summary>Why it is unavailable.</summary>
    public string Reason { get; }
}
