using System.Diagnostics;

namespace Elfs.Engine;

/// <summary>Records the wall time of each named stage.</summary>
internal sealed class StageClock
{
    private readonly Dictionary<string, TimeSpan> timings = [];

    /// <summary>The timings recorded so far, in stage order.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Timings => timings;

    /// <summary>Runs <paramref name="stage"/> and records its duration under <paramref name="name"/>.</summary>
    public T Time<T>(string name, Func<T> stage)
    {
        var watch = Stopwatch.StartNew();
        var result = stage();
        timings[name] = watch.Elapsed;
        return result;
    }
}
