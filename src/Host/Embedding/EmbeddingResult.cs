using Elfs.Host.Storage;

namespace Elfs.Host.Embedding;

/// <summary>What embedding did to a run's candidates.</summary>
/// <param name="Items">Each candidate with its vector key or error.</param>
/// <param name="Computed">Vectors computed now.</param>
/// <param name="Reused">Vectors found in the cache (or precomputed file).</param>
public sealed record EmbeddingResult(IReadOnlyList<RunItem> Items, int Computed, int Reused);
