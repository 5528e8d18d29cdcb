namespace Elfs.Engine.Selection;

/// <summary>The outcome of <see cref="NearDuplicates.Take"/>.</summary>
/// <param name="Selected">Kept items, in candidate order.</param>
/// <param name="DuplicateOf">Per item: the kept or labeled item it duplicates when it was dropped; otherwise null.</param>
/// <param name="DroppedInFavour">Per item: how many candidates were dropped as its near-duplicates.</param>
public sealed record DuplicateFilterResult(int[] Selected, int?[] DuplicateOf, int[] DroppedInFavour)
{
    /// <summary>Number of candidates dropped as near-duplicates.</summary>
    public int DroppedCount => DuplicateOf.Count(d => d is not null);
}
