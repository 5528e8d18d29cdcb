using Elfs.Host.Configuration;
using Elfs.Host.Scheduling;
using Elfs.Host.Storage;

namespace Elfs.Host.Tests.Scheduling;

public sealed class MisfirePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 9, 0, 0, TimeSpan.Zero);

    private static RunRecord Run(DateTimeOffset started, RunState state) =>
        new("r", "p", state, "schedule", started, started, state == RunState.Done ? started.AddMinutes(5) : null, "{}", null, null, null);

    private static Quartz.CronExpression Nightly()
    {
        Assert.True(ElfsOptionsValidator.TryParseSchedule("0 2 * * *", "UTC", out var cron, out _));
        return cron!;
    }

    [Fact]
    public void A_missed_nightly_run_is_caught_up_once()
    {
        Assert.Equal("catch-up", MisfirePolicy.AtStartup(Nightly(), Run(Now.AddDays(-2), RunState.Done), Now));
    }

    [Fact]
    public void No_catch_up_when_the_last_run_followed_the_last_fire_time()
    {
        Assert.Null(MisfirePolicy.AtStartup(Nightly(), Run(new DateTimeOffset(2026, 5, 10, 2, 0, 1, TimeSpan.Zero), RunState.Done), Now));
    }

    [Fact]
    public void An_unfinished_run_is_resumed_and_a_project_that_never_ran_waits()
    {
        Assert.Equal("resume", MisfirePolicy.AtStartup(Nightly(), Run(Now.AddHours(-1), RunState.Embedded), Now));
        Assert.Null(MisfirePolicy.AtStartup(Nightly(), null, Now));
        Assert.Equal("catch-up", MisfirePolicy.AtStartup(Nightly(), Run(Now.AddDays(-1), RunState.Failed), Now));
    }
}
