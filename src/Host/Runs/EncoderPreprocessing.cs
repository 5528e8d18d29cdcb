using Elfs.Host.Configuration;

namespace Elfs.Host.Runs;

/// <summary>A project's encoder preprocessing settings as a run recorded them (see <see cref="ProjectOptions"/>).</summary>
/// <param name="Mean"><see cref="ProjectOptions.EncoderMean"/>.</param>
/// <param name="Std"><see cref="ProjectOptions.EncoderStd"/>.</param>
/// <param name="ChannelOrder"><see cref="ProjectOptions.EncoderChannelOrder"/>.</param>
/// <param name="Output"><see cref="ProjectOptions.EncoderOutput"/>.</param>
public sealed record EncoderPreprocessing(string? Mean, string? Std, string? ChannelOrder, string? Output)
{
    /// <summary>The settings of <paramref name="project"/>.</summary>
    public static EncoderPreprocessing Of(ProjectOptions project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return new EncoderPreprocessing(project.EncoderMean, project.EncoderStd, project.EncoderChannelOrder, project.EncoderOutput);
    }

    /// <summary>The settings as one line, for notices.</summary>
    public override string ToString() => $"mean {Mean ?? "-"}, std {Std ?? "-"}, channels {ChannelOrder ?? "-"}, output {Output ?? "-"}";
}
