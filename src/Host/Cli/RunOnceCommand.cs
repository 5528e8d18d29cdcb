using System.CommandLine;
using Elfs.Host.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Elfs.Host.Cli;

/// <summary><c>elfs run-once --project NAME</c>: one full run (or the resumption of an interrupted one) now, then exit.</summary>
public static class RunOnceCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var project = CliOptions.Project(required: true);
        var command = new Command("run-once", "Run one project now (resuming its interrupted run if any), then exit; non-zero on failure.") { project };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(CliOptions.Config), parse.GetValue(project)!, "manual", Console.Out, Console.Error, ct));
        return command;
    }

    /// <summary>Runs <paramref name="project"/> once; returns the exit code.</summary>
    public static async Task<int> RunAsync(string? configPath, string project, string trigger, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var configuration = CliHost.LoadValid(configPath, error);
        return configuration is null ? 1 : await RunAsync(configuration, project, trigger, output, error, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="project"/> of a validated <paramref name="configuration"/> once; returns the exit code. A run
    /// paused by Elfs:Diagnostics:PauseAfterState stops there and the command exits with <see cref="CliHost.PausedExitCode"/>.
    /// </summary>
    public static async Task<int> RunAsync(LoadedConfiguration configuration, string project, string trigger, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var services = CliHost.Services(configuration, ConsoleProgress.IsInteractive ? LogLevel.Warning : LogLevel.Information, RunPause.Stop);
        if (!CliHost.OpenStore(services, error))
            return 1;
        CliHost.ConfigureEngine(services);
        var pipeline = services.GetRequiredService<RunPipeline>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("elfs");
        RunOutcome outcome;
        try
        {
            outcome = await ConsoleProgress.RunAsync(p => pipeline.RunAsync(project, trigger, p, cancellationToken), logger);
        }
        catch (Configuration.ConfigurationException e)
        {
            error.WriteLine("error: " + e.Message);
            return 1;
        }
        (outcome.Status is RunStatus.Completed or RunStatus.Paused ? output : error).WriteLine(outcome.Message);
        return CliHost.ExitCode(outcome);
    }
}
