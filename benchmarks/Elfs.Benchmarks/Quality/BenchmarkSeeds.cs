namespace Elfs.Benchmarks.Quality;

/// <summary>Deterministic per-purpose seeds for the benchmark's own sampling (FNV-1a of the purpose mixed with the seed).</summary>
internal static class BenchmarkSeeds
{
    public static ulong Derive(ulong seed, string purpose)
    {
        var hash = 14695981039346656037UL ^ seed;
        foreach (var ch in purpose) hash = (hash ^ ch) * 1099511628211UL;
        return hash;
    }

    public static Random Random(ulong seed, string purpose) => new((int)(Derive(seed, purpose) & 0x7FFFFFFF));
}
