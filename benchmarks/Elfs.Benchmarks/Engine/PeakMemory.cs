namespace Elfs.Benchmarks.Engine;

/// <summary>Peak resident memory of this process (VmHWM from /proc/self/status), in MiB.</summary>
internal static class PeakMemory
{
    public static double MiB()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}
