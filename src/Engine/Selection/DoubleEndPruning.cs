namespace Elfs.Engine.Selection;

/// <summary>
/// ELFS's budget mode (elfs-spec §5.1): sort by AUM ascending, drop the <c>hard</c> lowest, keep the next
/// <c>budget</c>. With hard + budget = N the slice runs to the end (the reference returns an empty set there).
/// </summary>
public static class DoubleEndPruning
{
    /// <summary>Selected indices, in AUM-ascending order.</summary>
    public static int[] Select(ReadOnlySpan<float> aum, int hard, int budget)
    {
        if (hard < 0 || budget < 0 || hard + budget > aum.Length)
            throw new ArgumentOutOfRangeException(nameof(budget), $"hard {hard} + budget {budget} must be within the {aum.Length} items");
        return AumOrder.Ascending(aum).AsSpan(hard, budget).ToArray();
    }
}
