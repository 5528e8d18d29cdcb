using System.Globalization;
using System.Net;
using System.Text;
using Elfs.Connector.Cvat.Api;

namespace Elfs.Connector.Cvat;

/// <summary>
/// Writes the batch task's annotation guide (CVAT's per-task description annotators open beside the frames): one
/// line per frame with its reason, as many as fit in <c>Cvat:GuideMaxChars</c>. The guide is optional: a server or
/// account that refuses guides (403, 404, 405) gets a warning, and the push completes.
/// </summary>
internal sealed class CvatGuideWriter(CvatApiClient api)
{
    /// <summary>Writes the guide; returns a warning when the server refuses guides, else null.</summary>
    public async Task<string?> WriteAsync(CvatTask task, RunId run, IReadOnlyList<CvatChosenFrame> frames, CancellationToken cancellationToken)
    {
        var max = api.Options.GuideMaxChars;
        if (max == 0 || task.GuideId is not null || frames.Count == 0) return null;
        var markdown = Compose(run, frames, max);
        var (answer, _) = await api.AnswerAsync(api.Api.CreateGuideAsync(new CvatGuideWrite { TaskId = task.Id, Markdown = markdown }, cancellationToken));
        if (answer.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            return $"batch task {task.Id} has no annotation guide: {api.Explain(answer)}; set {api.Keys.Key("GuideMaxChars")} to 0 to stop writing one";
        api.Ensure(answer);
        return null;
    }

    public static string Compose(RunId run, IReadOnlyList<CvatChosenFrame> frames, int maxChars)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Priority batch, run {run}\n\nFrames are in priority order: label them from the first job on.\n\n");
        for (var i = 0; i < frames.Count; i++)
        {
            var f = frames[i];
            var line = string.Create(CultureInfo.InvariantCulture, $"{i + 1}. `{f.SourceName}` (pool {f.Id}): {f.Reason}\n");
            var rest = string.Create(CultureInfo.InvariantCulture, $"\n… and {frames.Count - i} more frames.\n");
            if (text.Length + line.Length + rest.Length > maxChars)
            {
                text.Append(rest);
                break;
            }
            text.Append(line);
        }
        return text.Length > maxChars ? text.ToString(0, maxChars) : text.ToString();
    }
}
