using Elfs.Host.Storage;
using Quartz;

namespace Elfs.Host.Scheduling;

/// <summary>What the host does for a project at start-up: resume an unfinished run, catch up a missed schedule once, or wait.</summary>
public static class MisfirePolicy
{
    /// <summary>
    /// "resume" when the project has an unfinished run; "catch-up" when the schedule fired at least once between the
    /// project's last run and <paramref name="now"/> (the host was down); null otherwise. A project that never ran
    /// waits for its schedule.
    /// </summary>
    public static string? AtStartup(CronExpression schedule, RunRecord? latest, DateTimeOffset now)
    {
        if (latest is null)
            return null;
        if (!latest.IsFinished)
            return "resume";
        var next = schedule.GetNextValidTimeAfter(latest.Started);
        return next is { } fire && fire <= now ? "catch-up" : null;
    }
}
