namespace Elfs.Engine.Training;

/// <summary>Derives independent, reproducible sub-seeds per stage from the one user seed.</summary>
internal static class SeedStreams
{
    /// <summary>A 64-bit seed for <paramref name="stage"/> (SplitMix64 over the seed and a stable hash of the name).</summary>
    public static ulong Derive(ulong seed, string stage)
    {
        var h = 1469598103934665603UL;
        foreach (var c in stage) h = (h ^ c) * 1099511628211UL;
        var z = seed + h + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A seeded <see cref="Random"/> for a stage (the seeded constructor's sequence is stable across .NET versions).</summary>
    public static Random Random(ulong seed, string stage) => new((int)(Derive(seed, stage) & 0x7FFFFFFF));

    /// <summary>A seeded Fisher–Yates permutation of 0..n-1.</summary>
    public static int[] Permutation(int n, Random random)
    {
        var p = new int[n];
        for (var i = 0; i < n; i++) p[i] = i;
        random.Shuffle(p);
        return p;
    }
}
