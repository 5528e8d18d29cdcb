using Elfs.Connector;
using Elfs.Host.Configuration;
using Elfs.Host.Storage;

namespace Elfs.Host.Runs;

/// <summary>
/// The one line a failed run is known by: the stage and the cause (which names the item or setting where there is
/// one), e.g. <c>embed: item a.png: …</c>. The log, the store (<c>runs.error</c>), <c>elfs status</c>, the status
/// page and <c>run-once</c> all show this line; the stack trace goes to the Debug log only.
/// </summary>
public static class RunFailure
{
    /// <summary>The stage name used for a failure before the first stage (building the tool or encoder, resuming).</summary>
    public const string StartStage = "start";

    /// <summary>The line for <paramref name="exception"/> thrown in <paramref name="stage"/>.</summary>
    public static string Line(string stage, Exception exception)
    {
        var cause = Cause(exception);
        var message = string.Join("; ", cause.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        // Our own exceptions say what to fix; anything else also names its type, which is then part of the cause.
        var known = cause is LabelingToolException or ItemUnavailableException or ConfigurationException or StoreDamagedException
            or InvalidDataException or ArgumentException or FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException;
        return $"{stage}: {(known ? "" : cause.GetType().Name + ": ")}{message}";
    }

    private static Exception Cause(Exception e) => e switch
    {
        AggregateException a => Cause(a.Flatten().InnerExceptions[0]),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Cause(inner),
        _ => e,
    };
}
