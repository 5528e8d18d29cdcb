using Elfs.Host.Configuration;
using Elfs.Host.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Elfs.Host.Cli;

/// <summary>Builds the services of the one-shot commands (run-once, status, validate-config, demo) from a configuration.</summary>
public static class CliHost
{
    /// <summary>
    /// Loads the configuration and validates it; on problems prints one line per problem to <paramref name="error"/> and
    /// returns null.
    /// </summary>
    public static IConfigurationRoot? LoadValid(string? path, TextWriter error, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        IConfigurationRoot configuration;
        try
        {
            configuration = ElfsConfiguration.Build(path, overrides);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or FormatException)
        {
            error.WriteLine($"error: the configuration file cannot be read: {e.Message}");
            return null;
        }
        ElfsConfiguration.Bind(configuration, out var problems);
        if (problems.Count == 0)
            return configuration;
        error.WriteLine($"error: the configuration has {problems.Count} problem(s):");
        foreach (var problem in problems)
            error.WriteLine("  " + problem);
        return null;
    }

    /// <summary>The services for <paramref name="configuration"/>, logging to stderr at <paramref name="level"/> and above.</summary>
    public static ServiceProvider Services(IConfiguration configuration, LogLevel level = LogLevel.Information)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(level).AddFilter("System.Net.Http", LogLevel.Warning).AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        }).Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddElfsCore(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
    }

    /// <summary>Applies Elfs:Engine:Threads to libtorch.</summary>
    public static void ConfigureEngine(IServiceProvider services)
    {
        var threads = services.GetRequiredService<IOptions<ElfsOptions>>().Value.Engine.Threads;
        Elfs.Engine.Torch.TorchRuntime.Configure(threads > 0 ? threads : null);
    }

    /// <summary>Maps a run's outcome to an exit code: 0 done, 1 failed, 2 already running, 130 interrupted.</summary>
    public static int ExitCode(RunOutcome outcome) => outcome.Status switch
    {
        RunStatus.Completed => 0,
        RunStatus.AlreadyRunning => 2,
        RunStatus.Interrupted => 130,
        _ => 1,
    };
}
