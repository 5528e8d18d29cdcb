using System.Net;
using System.Text.Json;
using Elfs.Host.Cli;
using Elfs.Host.Runs;
using Elfs.Host.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Elfs.Host.Tests.Status;

public sealed class StatusPageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Health_runs_and_the_page_answer_over_loopback()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Elfs:Storage:Path"] = _temp.File("status.db"),
            ["Elfs:StatusPage:Port"] = "0",
            ["Elfs:Projects:0:Name"] = "folder",
            ["Elfs:Projects:0:Folder"] = _temp.Path,
            ["Elfs:Projects:0:Clusters"] = "3",
            ["Elfs:Projects:0:Enabled"] = "false",
        }).Build();
        await using var app = RunCommand.Build(configuration);
        var stores = app.Services.GetRequiredService<StoreSet>();
        stores.Runs.Create("folder-1", "folder", "manual", "{}", DateTimeOffset.UtcNow);
        stores.Runs.Fail("folder-1", "tool unreachable <500>", DateTimeOffset.UtcNow);
        await app.StartAsync();
        var url = Assert.Single(RunCommand.Urls(app));
        Assert.StartsWith("http://127.0.0.1:", url);
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        using var health = JsonDocument.Parse(await http.GetStringAsync("/health"));
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(StoreMigrations.CurrentVersion, health.RootElement.GetProperty("schemaVersion").GetInt32());

        using var runs = JsonDocument.Parse(await http.GetStringAsync("/api/runs?project=folder"));
        var run = Assert.Single(runs.RootElement.EnumerateArray());
        Assert.Equal("failed", run.GetProperty("state").GetString());
        Assert.Equal("tool unreachable <500>", run.GetProperty("error").GetString());

        var page = await http.GetStringAsync("/");
        Assert.Contains("folder-1", page);
        Assert.Contains("tool unreachable &lt;500&gt;", page);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/runs/folder-1/report")).StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public void A_non_loopback_address_stops_the_host_with_the_key_named()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Elfs:Storage:Path"] = _temp.File("status.db"),
            ["Elfs:StatusPage:Address"] = "10.0.0.1",
        }).Build();
        var e = Assert.Throws<Elfs.Host.Configuration.ConfigurationException>(() => RunCommand.Build(configuration));
        Assert.StartsWith("Elfs:StatusPage:Address: '10.0.0.1' is not a loopback address", Assert.Single(e.Problems));
    }

    public void Dispose() => _temp.Dispose();
}
