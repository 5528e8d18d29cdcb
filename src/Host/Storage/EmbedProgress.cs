namespace Elfs.Host.Storage;

/// <summary>Progress of a <see cref="CachedEmbedder"/> run.</summary>
/// <param name="Done">Items handled so far (cached, encoded or failed).</param>
/// <param name="Total">Items in the run.</param>
/// <param name="Cached">Items found in the cache.</param>
/// <param name="Failed">Items that could not be read or decoded.</param>
/// <param name="ImagesPerSecond">Items handled per second since the start.</param>
public sealed record EmbedProgress(int Done, int Total, int Cached, int Failed, double ImagesPerSecond);
