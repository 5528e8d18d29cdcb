using Elfs.Host.Runs;
using Elfs.Host.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Elfs.Host.Scheduling;

/// <summary>
/// The Quartz job that runs one project. Never two at once per project (<see cref="DisallowConcurrentExecutionAttribute"/>
/// here, and the store's guard across processes); a trigger already answered by a run that finished after it fired is
/// skipped, so two triggers at once give one run.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ProjectRunJob(RunPipeline pipeline, StoreSet stores, IHostApplicationLifetime lifetime, ILogger<ProjectRunJob> logger) : IJob
{
    /// <summary>Job data key holding the project's name.</summary>
    public const string ProjectKey = "project";

    /// <summary>Job data key holding what fired the job (schedule, catch-up, resume).</summary>
    public const string TriggerKey = "trigger";

    /// <summary>The job key of a project.</summary>
    public static JobKey KeyOf(string project) => new(project.ToLowerInvariant(), "elfs-projects");

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var project = context.MergedJobDataMap.GetString(ProjectKey)!;
        var trigger = context.MergedJobDataMap.GetString(TriggerKey) ?? "schedule";
        // When the run was asked for: a cron trigger's scheduled time; a one-off trigger's creation (kept through misfires).
        var firedFor = context.Trigger is ICronTrigger ? context.ScheduledFireTimeUtc ?? context.FireTimeUtc : context.Trigger.StartTimeUtc;
        var answered = stores.Runs.List(project, 1).FirstOrDefault();
        // Also a "resume": start-up catch-up may have seen a live run as unfinished, and that run is done now.
        if (answered is { State: RunState.Done, Finished: { } finished } && finished >= firedFor)
        {
            LogSkipped(project, trigger, answered.Id);
            return;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var outcome = await pipeline.RunAsync(project, trigger, null, linked.Token);
        LogOutcome(project, trigger, outcome.Status, outcome.Message);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "project {Project}: {Trigger} trigger skipped, run {RunId} already finished after it fired")]
    private partial void LogSkipped(string project, string trigger, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "project {Project} ({Trigger}): {Status}: {Message}")]
    private partial void LogOutcome(string project, string trigger, RunStatus status, string message);
}
