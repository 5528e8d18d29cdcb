namespace Elfs.Host.Storage;

/// <summary>The vectors of a <see cref="CachedEmbedder"/> run, in item order.</summary>
/// <param name="Vectors">Items x Dimension, row-major, failed rows zero; null when the caller kept vectors in the cache only.</param>
/// <param name="Dimension">The encoder's dimension.</param>
/// <param name="Errors">Per item: null when it has a vector, else the reason it has none.</param>
/// <param name="Hashes">Per item: the SHA-256 of its bytes (the cache key), computed once as it was read; null when it could not be read.</param>
/// <param name="CacheHits">Items whose vector came from the cache.</param>
/// <param name="Encoded">Items the encoder computed in this run.</param>
public sealed record EmbedOutcome(float[]? Vectors, int Dimension, IReadOnlyList<string?> Errors, IReadOnlyList<string?> Hashes, int CacheHits, int Encoded);
