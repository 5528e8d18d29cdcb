using Elfs.Connector.LabelStudio.Api;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.LabelStudio;

/// <summary>
/// Reads the project and says what would keep "Label All Tasks" from serving our order: sampling, pre-label display
/// (<c>show_collab_predictions</c>), model-version drift and overlap / ground-truth pre-emption. Each problem is logged
/// with what to change in the UI. Also finds the image data key and K from the label config. One tool serves one run
/// (per process), so the first inspection is kept: the run's check, sync and push inspect (and warn) once.
/// </summary>
internal sealed class LabelStudioPreflight
{
    public const string UncertaintySampling = "Uncertainty sampling";
    public const string VersionPrefix = "elfs-";
    private readonly LabelStudioApi api;
    private readonly LabelStudioOptions options;
    private readonly string prefix;
    private readonly ILogger logger;
    private ProjectState? inspected;

    public LabelStudioPreflight(LabelStudioApi api, LabelStudioOptions options, string prefix, ILogger logger)
    {
        this.api = api;
        this.options = options;
        this.prefix = prefix;
        this.logger = logger;
    }

    /// <summary>Reads the project; <paramref name="versions"/> (prediction counts per model version) enables the drift check.</summary>
    public ProjectState Inspect(LsProject project, IReadOnlyDictionary<string, int>? versions)
    {
        var config = LabelConfig.Parse(project.LabelConfig, project.Id);
        var imageKey = options.ImageKey ?? config.ImageKey
            ?? throw new LabelingToolException($"project {project.Id}: the label config has no <Image value=\"$key\"> tag; " +
                                               $"set {prefix}:ImageKey to the task data key that holds the image URL");
        var warnings = new List<string>();
        if (options.ImageKey is null && config.ImageTagCount > 1)
            warnings.Add($"the label config has {config.ImageTagCount} <Image> tags; images are read from the first ('${imageKey}'); set {prefix}:ImageKey to pick another");
        var classes = options.Classes ?? config.ClassCount;
        if (classes is null)
            warnings.Add($"no <Choices>/<Labels> control names the image, so the number of classes is unknown: set {prefix}:Classes");
        if (project.Sampling != UncertaintySampling)
            warnings.Add($"sampling is '{project.Sampling}', so \"Label All Tasks\" ignores predictions; the push sets it to '{UncertaintySampling}' " +
                         "(the Community Edition settings page offers only Sequential/Random: do not re-save Settings > General with another choice)");
        if (!project.ShowCollabPredictions)
            warnings.Add("'Use predictions to prelabel tasks' (show_collab_predictions) is off, and turning it off blanked the project's model version; " +
                         "turn it on in Settings > Annotation, then run a push");
        if (project.MaximumAnnotations > 1)
            warnings.Add($"tasks need {project.MaximumAnnotations} annotations (Settings > Quality > Overlap): tasks others started are finished before our order applies");
        if (project.ShowOverlapFirst)
            warnings.Add("'Show tasks with overlap first' is on (Settings > Quality): overlap tasks are served before our order");
        if (project.ShowGroundTruthFirst)
            warnings.Add("'Show ground truth first' is on: ground-truth tasks are served before our order");
        if (versions is not null && Drift(project.ModelVersion, versions) is { } drift) warnings.Add(drift);
        foreach (var warning in warnings)
            logger.LogWarning("Label Studio project {Project}: {Warning}", project.Id, warning);
        return inspected = new ProjectState(project, imageKey, classes, warnings);
    }

    /// <summary>Whether this tool has inspected the project already (its state and warnings are known).</summary>
    public bool HasInspected => inspected is not null;

    /// <summary>The project's state: the first inspection's when there was one, else read and inspected now.</summary>
    public async Task<ProjectState> InspectAsync(bool withVersions, CancellationToken ct)
    {
        if (inspected is not null) return inspected;
        var project = await api.GetProjectAsync(ct);
        var versions = withVersions ? await api.GetModelVersionsAsync(ct) : null;
        return Inspect(project, versions);
    }

    private static string? Drift(string? current, IReadOnlyDictionary<string, int> versions)
    {
        var ours = versions.Keys.Where(v => v.StartsWith(VersionPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (ours.Count == 0 || (current is not null && ours.Contains(current))) return null;
        return $"the project's model version is '{current ?? "null"}', not our last push ({string.Join(", ", ours)}): someone changed it " +
               "(Settings > Annotation > Prelabeling model version) or removed an ML backend; the queue is not ours until the next push sets it back";
    }
}
