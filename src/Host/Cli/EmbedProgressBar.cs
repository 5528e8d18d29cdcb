using System.Globalization;
using Elfs.Host.Storage;

namespace Elfs.Host.Cli;

/// <summary>Renders <see cref="EmbedProgress"/> on a writer: a redrawn bar on a terminal, a line every few seconds otherwise.</summary>
public sealed class EmbedProgressBar(TextWriter writer, bool interactive) : IProgress<EmbedProgress>
{
    private const int Width = 30;
    private DateTime lastLine = DateTime.MinValue;

    /// <inheritdoc />
    public void Report(EmbedProgress value)
    {
        var done = value.Done == value.Total;
        if (!interactive && !done && DateTime.UtcNow - lastLine < TimeSpan.FromSeconds(5)) return;
        lastLine = DateTime.UtcNow;
        var filled = value.Total == 0 ? Width : (int)((long)value.Done * Width / value.Total);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', Width - filled)}] {value.Done}/{value.Total} images  {value.ImagesPerSecond:F0} images/s  cached {value.Cached}  failed {value.Failed}");
        if (interactive) writer.Write("\r" + line + (done ? Environment.NewLine : ""));
        else writer.WriteLine(line);
    }
}
