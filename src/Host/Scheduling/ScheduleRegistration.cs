using Elfs.Host.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Elfs.Host.Scheduling;

/// <summary>Registers Quartz (in-memory store, one node): one job per enabled project on its cron, and the start-up catch-up.</summary>
public static class ScheduleRegistration
{
    /// <summary>Adds the schedule of <paramref name="options"/>' enabled projects.</summary>
    public static IServiceCollection AddElfsSchedule(this IServiceCollection services, ElfsOptions options)
    {
        services.AddQuartz(q =>
        {
            foreach (var project in options.Projects.Where(p => p.Enabled))
            {
                if (!ElfsOptionsValidator.TryParseSchedule(project.Schedule, project.TimeZone, out var cron, out _))
                    continue;
                var key = ProjectRunJob.KeyOf(project.Name);
                q.AddJob<ProjectRunJob>(j => j.WithIdentity(key).StoreDurably().UsingJobData(ProjectRunJob.ProjectKey, project.Name));
                q.AddTrigger(t => t
                    .ForJob(key)
                    .WithIdentity(key.Name + "-cron", key.Group)
                    .UsingJobData(ProjectRunJob.TriggerKey, "schedule")
                    .WithCronSchedule(cron!.CronExpressionString, c => c.InTimeZone(cron.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<StartupCatchUp>();
        return services;
    }
}
