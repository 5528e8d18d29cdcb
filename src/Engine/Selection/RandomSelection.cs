using Elfs.Engine.Training;

namespace Elfs.Engine.Selection;

/// <summary>The random baseline: a seeded uniform sample without replacement.</summary>
public static class RandomSelection
{
    /// <summary>The first <paramref name="budget"/> items of a seeded permutation of 0..rows-1.</summary>
    public static int[] Select(int rows, int budget, ulong seed) =>
        SeedStreams.Permutation(rows, SeedStreams.Random(seed, "random")).AsSpan(0, budget).ToArray();
}
