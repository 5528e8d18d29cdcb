using System.CommandLine;
using System.Net;
using Elfs.Host.Configuration;
using Elfs.Host.Scheduling;
using Elfs.Host.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Elfs.Host.Cli;

/// <summary><c>elfs run</c>: the host. Schedules every enabled project, resumes or catches up at start-up, serves the status page.</summary>
public static class RunCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("run", "Run the host: nightly schedules, start-up catch-up, status page on loopback (/health for probes).");
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(CliOptions.Config), Console.Out, Console.Error, ct));
        return command;
    }

    /// <summary>Runs the host until shutdown; returns the exit code (1 when the configuration or the store is unusable).</summary>
    public static async Task<int> RunAsync(string? configPath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var configuration = CliHost.LoadValid(configPath, error);
        if (configuration is null)
            return 1;
        using var app = Build(configuration);
        if (!CliHost.OpenStore(app.Services, error))
            return 1;
        CliHost.ConfigureEngine(app.Services);
        await app.StartAsync(cancellationToken);
        foreach (var url in Urls(app))
            output.WriteLine($"status page: {url}/  (health: {url}/health)");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    /// <summary>Builds the host for <paramref name="configuration"/>, validating it (throws <see cref="ConfigurationException"/>), with the status page when enabled.</summary>
    public static WebApplication Build(IConfiguration configuration) => Build(LoadedConfiguration.Validate(configuration));

    /// <summary>Builds the host for a validated configuration (not validated again), with the status page when enabled.</summary>
    public static WebApplication Build(LoadedConfiguration loaded)
    {
        var (configuration, options) = (loaded.Configuration, loaded.Options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders().AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
        });
        // Framework chatter stays out of the host's log unless Logging:LogLevel asks for it.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Quartz", LogLevel.Warning).AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddElfsCore(options);
        builder.Services.AddElfsSchedule(options);
        var page = options.StatusPage;
        if (page.Enabled)
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(page.Address), page.Port));
        else
            builder.Services.AddSingleton<IServer, NoServer>();
        var app = builder.Build();
        if (page.Enabled)
            app.MapStatusPage();
        return app;
    }

    /// <summary>The addresses the status page listens on (after start).</summary>
    public static IReadOnlyList<string> Urls(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
}
