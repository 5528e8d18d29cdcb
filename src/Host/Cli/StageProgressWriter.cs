using Elfs.Engine;

namespace Elfs.Host.Cli;

/// <summary>Writes each finished stage (and every TEMI/proxy epoch) to a writer synchronously, so lines stay in order.</summary>
public sealed class StageProgressWriter(TextWriter writer) : IProgress<StageProgress>
{
    /// <inheritdoc />
    public void Report(StageProgress value)
    {
        if (value.Step == value.Total || value.Stage is "temi" or "dynamics")
            writer.WriteLine($"[{value.Stage}] {value.Step}/{value.Total} {value.Detail}".TrimEnd());
    }
}
