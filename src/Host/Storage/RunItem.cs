namespace Elfs.Host.Storage;

/// <summary>One candidate (unlabeled item) of a run.</summary>
/// <param name="ExternalId">The tool's id.</param>
/// <param name="ImageRef">Where the image is, as the tool names it.</param>
/// <param name="ContentHash">SHA-256 of the image bytes, once embedded.</param>
/// <param name="VectorKey">The key of its vector (content hash, or the item id for precomputed vectors), once embedded.</param>
/// <param name="Error">Why it could not be embedded, if so.</param>
public sealed record RunItem(string ExternalId, string ImageRef, string? ContentHash, string? VectorKey, string? Error);
