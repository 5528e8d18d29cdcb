using Elfs.Connector;
using Elfs.Connector.LocalFolder;
using Elfs.Host.Cli;
using Elfs.Host.Configuration;
using Elfs.Host.Runs;
using Elfs.Host.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Elfs.Host.Tests.Tools;

public sealed class ToolFactoryTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TokenVariable _token = new("ELFS_TOOL_TEST_");

    private ServiceProvider Services() => CliHost.Services(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Elfs:Storage:Path"] = _temp.File("elfs.db"),
        ["Elfs:Projects:0:Name"] = "folder",
        ["Elfs:Projects:0:Folder"] = _temp.Path,
        ["Elfs:Projects:0:Clusters"] = "3",
        ["Elfs:Projects:1:Name"] = "ls",
        ["Elfs:Projects:1:Tool"] = "LabelStudio",
        ["Elfs:Projects:1:Url"] = "http://127.0.0.1:9",
        ["Elfs:Projects:1:TokenEnv"] = _token.Name,
        ["Elfs:Projects:1:ProjectId"] = "7",
        ["Elfs:Projects:2:Name"] = "cvat",
        ["Elfs:Projects:2:Tool"] = "Cvat",
        ["Elfs:Projects:2:Url"] = "http://127.0.0.1:9",
        ["Elfs:Projects:2:TokenEnv"] = _token.Name,
        ["Elfs:Projects:2:TokenKind"] = "Token",
        ["Elfs:Projects:2:PoolProjectId"] = "3",
        ["Elfs:Projects:2:AnnotationProjectId"] = "4",
    }).Build(), LogLevel.Warning);

    [Fact]
    public void Each_tool_kind_is_built_from_its_project_settings()
    {
        using var services = Services();
        var options = services.GetRequiredService<IOptions<ElfsOptions>>().Value;
        var factory = services.GetRequiredService<IToolFactory>();
        Assert.IsType<LocalFolderTool>(factory.Create(options.Projects[0]));
        using (var ls = (IDisposable)factory.Create(options.Projects[1]))
            Assert.Contains("LabelStudio", ls.GetType().Name);
        Assert.Contains("Cvat", factory.Create(options.Projects[2]).GetType().Name);
    }

    [Fact]
    public void A_missing_token_at_run_time_names_the_setting_and_the_variable()
    {
        using var services = Services();
        var options = services.GetRequiredService<IOptions<ElfsOptions>>().Value;
        Environment.SetEnvironmentVariable(_token.Name, null);
        var e = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IToolFactory>().Create(options.Projects[1]));
        Assert.Contains("Elfs:Projects:1:TokenEnv", e.Message);
        Assert.Contains(_token.Name, e.Message);
    }

    [Fact]
    public async Task The_cvat_placement_ledger_lives_in_the_store_per_project()
    {
        using var services = Services();
        var store = services.GetRequiredService<StoreSet>().Store;
        var ledger = new StoreCvatPlacementLedger(store, "cvat");
        await ledger.RecordPlacementAsync(new RunId("run-1"), 42, ["5:0", "5:1"], CancellationToken.None);
        await ledger.RecordPlacementAsync(new RunId("run-2"), 43, ["5:1"], CancellationToken.None);
        var placed = await new StoreCvatPlacementLedger(store, "cvat").GetPlacedItemsAsync(CancellationToken.None);
        Assert.Equal(new RunId("run-1"), placed["5:0"]);
        Assert.Equal(new RunId("run-2"), placed["5:1"]);
        Assert.Empty(await new StoreCvatPlacementLedger(store, "other").GetPlacedItemsAsync(CancellationToken.None));
    }

    public void Dispose()
    {
        _token.Dispose();
        _temp.Dispose();
    }
}
