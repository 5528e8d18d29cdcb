namespace Elfs.Connector;

/// <summary>
/// One labeling tool's project, seen by the host: list its items, read an item's image, push a prioritized queue.
/// Implementations hide every HTTP detail; the host never sees a URL or status code.
/// </summary>
public interface ILabelingTool
{
    /// <summary>Checks that the project is reachable and usable; returns what was learned and what the admin should fix.</summary>
    Task<ToolCheck> CheckAsync(CancellationToken cancellationToken);

    /// <summary>Every item of the project, labeled or not, in a stable order.</summary>
    IAsyncEnumerable<SourceItem> ListItemsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Opens an item's image bytes (size-limited, with a timeout). A missing, forbidden or oversized image throws
    /// <see cref="ItemUnavailableException"/>; the run goes on without that item.
    /// </summary>
    Task<Stream> OpenImageAsync(SourceItem item, CancellationToken cancellationToken);

    /// <summary>
    /// How many <see cref="OpenImageAsync"/> calls may usefully run at once: the HTTP connectors' connection limit
    /// (<see cref="Http.ConnectorHttpOptions.ConnectionsPerServer"/>), so a read never waits for a connection inside its
    /// own timeout; the local folder's core count.
    /// </summary>
    int ReadConcurrency { get; }

    /// <summary>
    /// Makes <paramref name="queue"/> (rank 1 first) the tool's labeling order for <paramref name="run"/>. Idempotent per
    /// run: pushing the same run again, or resuming after a crash, leaves exactly one copy of the queue.
    /// </summary>
    Task<PushReceipt> PushAsync(RunId run, IReadOnlyList<Priority> queue, CancellationToken cancellationToken);
}
