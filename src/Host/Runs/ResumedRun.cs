using System.Globalization;
using Elfs.Host.Configuration;

namespace Elfs.Host.Runs;

/// <summary>
/// What a resumed run is built from: the settings it recorded when it started, never a mix with a configuration that
/// changed since. A changed encoder is replaced by the recorded one (and said so); a changed tool or tool target cannot
/// be (the run's items and queue live there), so the resumed run fails naming the key and the next run starts afresh.
/// </summary>
public static class ResumedRun
{
    /// <summary>
    /// The project to build the tool and encoder from. <paramref name="notice"/> receives one line per recorded setting
    /// that differs from the configuration (the run uses the recorded value).
    /// </summary>
    /// <exception cref="ConfigurationException">The tool kind or where it reads and writes changed; names the key.</exception>
    public static ProjectOptions Project(ProjectOptions project, int index, string runId, RunParameters recorded, RunParameters current,
        Action<string> notice)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{ElfsOptions.SectionName}:Projects:{index}:");
        var toolChanges = new List<string>();
        if (!string.Equals(recorded.Tool, current.Tool, StringComparison.OrdinalIgnoreCase))
            toolChanges.Add($"{prefix}Tool was '{recorded.Tool}', is now '{current.Tool}'");
        if (recorded.ToolTarget is { } target)
            foreach (var key in target.Keys.Union(current.ToolTarget?.Keys.AsEnumerable() ?? []).Order(StringComparer.Ordinal))
            {
                var was = target.GetValueOrDefault(key);
                var now = current.ToolTarget?.GetValueOrDefault(key);
                if (was != now) toolChanges.Add($"{prefix}{key} was '{was ?? "(unset)"}', is now '{now ?? "(unset)"}'");
            }
        if (toolChanges.Count > 0)
            throw new ConfigurationException([.. toolChanges.Select(c => $"run {runId} cannot resume: {c}. A run never moves to another tool or project " +
                                                                          "half-way; this run is marked failed and the next run starts afresh with the new setting (or restore the old value to finish it)")]);

        foreach (var (key, was, now) in Differences(recorded, current, prefix))
            notice($"{key} = '{was}' (the configuration now says '{now}'; the next run uses that)");
        var preprocessing = recorded.EncoderPreprocessing ?? current.EncoderPreprocessing;
        var sameEncoder = recorded.Encoder == current.Encoder && recorded.EncoderPath == current.EncoderPath
                          && (recorded.EncoderInputSize is null || recorded.EncoderInputSize == current.EncoderInputSize)
                          && preprocessing == current.EncoderPreprocessing;
        return sameEncoder ? project : project.WithEncoder(recorded.Encoder, recorded.EncoderPath, recorded.EncoderInputSize ?? project.EncoderInputSize,
            preprocessing ?? EncoderPreprocessing.Of(project));
    }

    private static IEnumerable<(string Key, string Was, string Now)> Differences(RunParameters recorded, RunParameters current, string prefix)
    {
        var c = CultureInfo.InvariantCulture;
        var engine = $"{ElfsOptions.SectionName}:Engine:";
        (string, object?, object?)[] settings =
        [
            (prefix + nameof(ProjectOptions.Encoder), recorded.Encoder, current.Encoder),
            (prefix + nameof(ProjectOptions.EncoderPath), recorded.EncoderPath, current.EncoderPath),
            (prefix + nameof(ProjectOptions.EncoderInputSize), recorded.EncoderInputSize ?? current.EncoderInputSize, current.EncoderInputSize),
            (prefix + "EncoderMean/Std/ChannelOrder/Output", recorded.EncoderPreprocessing ?? current.EncoderPreprocessing, current.EncoderPreprocessing),
            (prefix + nameof(ProjectOptions.Budget), recorded.Budget, current.Budget),
            (prefix + nameof(ProjectOptions.Beta), recorded.Beta, current.Beta),
            (prefix + nameof(ProjectOptions.BetaAuto), recorded.BetaAuto, current.BetaAuto),
            (prefix + nameof(ProjectOptions.Clusters), recorded.Clusters, current.Clusters),
            (prefix + nameof(ProjectOptions.DuplicateThreshold), recorded.DuplicateThreshold, current.DuplicateThreshold),
            (engine + "Device", recorded.Device, current.Device),
            (engine + "Profile", recorded.Profile, current.Profile),
            (engine + "Seed", recorded.Seed, current.Seed),
            (engine + "ClusteringEpochs", recorded.ClusteringEpochs, current.ClusteringEpochs),
            (engine + "ProxyEpochs", recorded.ProxyEpochs, current.ProxyEpochs),
        ];
        foreach (var (key, was, now) in settings)
            if (!Equals(was, now)) yield return (key, Convert.ToString(was, c) ?? "(unset)", Convert.ToString(now, c) ?? "(unset)");
    }
}
