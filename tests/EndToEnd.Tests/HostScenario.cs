using Elfs.Host.Cli;
using Elfs.Host.Runs;
using Elfs.Host.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Elfs.EndToEnd.Tests;

/// <summary>The real host (<c>elfs run</c>) started in-process on a scenario's configuration.</summary>
public static class HostScenario
{
    public static async Task<WebApplication> StartAsync(Scenario scenario, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(scenario.Settings);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var app = RunCommand.Build(configuration);
        CliHost.ConfigureEngine(app.Services);
        await app.StartAsync();
        return app;
    }

    public static async Task<RunRecord> WaitForAsync(StoreSet stores, Func<IReadOnlyList<RunRecord>, RunRecord?> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var runs = stores.Runs.List(Scenario.Project);
            if (condition(runs) is { } run)
                return run;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("runs: " + string.Join(", ", runs.Select(r => $"{r.Id} {r.State} {r.Trigger} {r.Error}")));
            await Task.Delay(100);
        }
    }

    public static StoreSet Stores(WebApplication app) => app.Services.GetRequiredService<StoreSet>();
}
