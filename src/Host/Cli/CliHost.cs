using Elfs.Host.Configuration;
using Elfs.Host.Runs;
using Elfs.Host.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Elfs.Host.Cli;

/// <summary>Builds the services of the one-shot commands (run-once, status, validate-config, demo) from a configuration.</summary>
public static class CliHost
{
    /// <summary>
    /// Loads the configuration and validates it (the one validation of the process); on problems prints one line per
    /// problem to <paramref name="error"/> and returns null.
    /// </summary>
    public static LoadedConfiguration? LoadValid(string? path, TextWriter error, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        IConfigurationRoot configuration;
        try
        {
            configuration = ElfsConfiguration.Build(path, overrides);
        }
        catch (ConfigurationException e)
        {
            error.WriteLine("error: " + e.Problems[0]);
            return null;
        }
        var options = ElfsConfiguration.Bind(configuration, out var problems);
        if (problems.Count == 0)
            return new LoadedConfiguration(configuration, options);
        error.WriteLine($"error: the configuration has {problems.Count} problem(s):");
        foreach (var problem in problems)
            error.WriteLine("  " + problem);
        return null;
    }

    /// <summary>The services for <paramref name="configuration"/> (bound and validated on first use), logging to stderr at <paramref name="level"/> and above.</summary>
    public static ServiceProvider Services(IConfiguration configuration, LogLevel level = LogLevel.Information) =>
        Build(level, s => s.AddElfsCore(configuration));

    /// <summary>The services for an already validated configuration (not validated again), logging to stderr at <paramref name="level"/> and above.</summary>
    /// <param name="loaded">The validated configuration.</param>
    /// <param name="level">The lowest level logged.</param>
    /// <param name="pause">What a run does at Elfs:Diagnostics:PauseAfterState (default: wait until cancelled).</param>
    public static ServiceProvider Services(LoadedConfiguration loaded, LogLevel level = LogLevel.Information, RunPause? pause = null) =>
        Build(level, s =>
        {
            s.AddElfsCore(loaded.Options);
            if (pause is not null)
                s.AddSingleton(pause);
        });

    /// <summary>
    /// Opens the store (checking it) before a command uses it; when it is damaged prints which file, that nothing was
    /// written and what to do, and returns false.
    /// </summary>
    public static bool OpenStore(IServiceProvider services, TextWriter error)
    {
        try
        {
            services.GetRequiredService<StoreSet>().Store.EnsureReady();
            return true;
        }
        catch (StoreDamagedException e)
        {
            error.WriteLine("error: " + e.Message);
            return false;
        }
    }

    private static ServiceProvider Build(LogLevel level, Action<IServiceCollection> core)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(level).AddFilter("System.Net.Http", LogLevel.Warning).AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        }).Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        core(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
    }

    /// <summary>Applies Elfs:Engine:Threads to libtorch.</summary>
    public static void ConfigureEngine(IServiceProvider services)
    {
        var threads = services.GetRequiredService<IOptions<ElfsOptions>>().Value.Engine.Threads;
        Elfs.Engine.Runtime.EngineRuntime.Configure(threads > 0 ? threads : (int?)null);
    }

    /// <summary>Exit code of a run stopped by Elfs:Diagnostics:PauseAfterState.</summary>
    public const int PausedExitCode = 3;

    /// <summary>Maps a run's outcome to an exit code: 0 done, 1 failed, 2 already running, 3 paused (Diagnostics:PauseAfterState), 130 interrupted.</summary>
    public static int ExitCode(RunOutcome outcome) => outcome.Status switch
    {
        RunStatus.Completed => 0,
        RunStatus.AlreadyRunning => 2,
        RunStatus.Paused => PausedExitCode,
        RunStatus.Interrupted => 130,
        _ => 1,
    };
}
