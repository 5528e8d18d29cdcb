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
        command.SetAction(async (parse, ct) =>
        {
            var configuration = CliHost.LoadValid(parse.GetValue(CliOptions.Config), Console.Error);
            if (configuration is null)
                return 1;
            using var app = Build(configuration);
            CliHost.ConfigureEngine(app.Services);
            await app.StartAsync(ct);
            foreach (var url in Urls(app))
                Console.Out.WriteLine($"status page: {url}/  (health: {url}/health)");
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }

    /// <summary>Builds the host for <paramref name="configuration"/> (validated), with the status page when enabled.</summary>
    public static WebApplication Build(IConfiguration configuration)
    {
        var options = ElfsConfiguration.Bind(configuration, out var problems);
        if (problems.Count > 0)
            throw new ConfigurationException(problems);
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
        builder.Services.AddElfsCore(configuration);
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
