using Elfs.Host.Configuration;
using Elfs.Host.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Elfs.Host.Scheduling;

/// <summary>At start-up, triggers once each project whose run was interrupted or whose schedule fired while the host was down.</summary>
public sealed partial class StartupCatchUp(
    IOptions<ElfsOptions> options, StoreSet stores, ISchedulerFactory schedulers, TimeProvider time, ILogger<StartupCatchUp> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var scheduler = await schedulers.GetScheduler(stoppingToken);
        foreach (var project in options.Value.Projects.Where(p => p.Enabled))
        {
            if (!ElfsOptionsValidator.TryParseSchedule(project.Schedule, project.TimeZone, out var cron, out _))
                continue;
            var latest = stores.Runs.List(project.Name, 1).FirstOrDefault();
            var reason = MisfirePolicy.AtStartup(cron!, latest, time.GetUtcNow());
            if (reason is null)
                continue;
            LogCatchUp(project.Name, reason, latest?.Id);
            await scheduler.TriggerJob(ProjectRunJob.KeyOf(project.Name), new JobDataMap { [ProjectRunJob.TriggerKey] = reason }, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "project {Project}: {Reason} at start-up (last run {RunId})")]
    private partial void LogCatchUp(string project, string reason, string? runId);
}
