using System.Text.Json;
using Elfs.Host.Cli;
using Elfs.Host.Configuration;
using Elfs.Host.Runs;
using Elfs.Host.Storage;
using Elfs.Host.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Elfs.Host.Tests.Cli;

/// <summary>The one-shot commands on a real configuration file: a damaged store, a store that does not exist yet, a paused run.</summary>
public sealed class CommandStoreAndConfigTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string StorePath => _temp.File("data/elfs.db");

    private string WriteConfig(string? pauseAfter = null)
    {
        Directory.CreateDirectory(_temp.File("images"));
        for (var i = 0; i < 4; i++)
            File.WriteAllBytes(_temp.File($"images/img-{i}.png"), [1, 2, 3]);
        var settings = new Dictionary<string, object?>
        {
            ["Storage"] = new Dictionary<string, object?> { ["Path"] = StorePath },
            ["Diagnostics"] = new Dictionary<string, object?> { ["PauseAfterState"] = pauseAfter ?? "" },
            ["Engine"] = new Dictionary<string, object?> { ["Device"] = "cpu", ["Threads"] = 1 },
            ["Projects"] = new object[]
            {
                new Dictionary<string, object?>
                {
                    ["Name"] = "p", ["Tool"] = "LocalFolder", ["Folder"] = _temp.File("images"), ["OutputPath"] = _temp.File("queue"),
                    ["Budget"] = "2", ["Clusters"] = 2,
                },
            },
        };
        var path = _temp.File("appsettings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new Dictionary<string, object?> { ["Elfs"] = settings }));
        return path;
    }

    private static void AssertDamagedMessage(string path, int code, StringWriter error)
    {
        Assert.Equal(1, code);
        var text = error.ToString();
        Assert.StartsWith($"error: the store {path} is damaged (", text);
        Assert.Contains("nothing was written to it", text);
        Assert.Contains("move it aside", text);
        Assert.DoesNotContain("   at ", text);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Every_command_names_a_damaged_store_says_nothing_was_written_and_prints_no_stack_trace()
    {
        var config = WriteConfig();
        Directory.CreateDirectory(_temp.File("data"));
        DamagedStoreFile.WriteStore(StorePath);
        DamagedStoreFile.Damage(StorePath, 0, 100);
        var before = File.ReadAllBytes(StorePath);

        var statusError = new StringWriter();
        AssertDamagedMessage(StorePath, StatusCommand.Run(config, null, 20, new StringWriter(), statusError), statusError);
        var validateOut = new StringWriter();
        var validateError = new StringWriter();
        AssertDamagedMessage(StorePath, await ValidateConfigCommand.RunAsync(config, offline: true, validateOut, validateError, CancellationToken.None), validateError);
        Assert.StartsWith("configuration ok", validateOut.ToString());
        var runOnceError = new StringWriter();
        AssertDamagedMessage(StorePath, await RunOnceCommand.RunAsync(config, "p", "manual", new StringWriter(), runOnceError, CancellationToken.None), runOnceError);
        var runError = new StringWriter();
        AssertDamagedMessage(StorePath, await RunCommand.RunAsync(config, new StringWriter(), runError, CancellationToken.None), runError);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(before, File.ReadAllBytes(StorePath));
    }

    [Fact]
    public async Task Validate_config_creates_no_store()
    {
        var config = WriteConfig();
        var output = new StringWriter();

        Assert.Equal(0, await ValidateConfigCommand.RunAsync(config, offline: false, output, new StringWriter(), CancellationToken.None));
        Assert.Equal(0, await ValidateConfigCommand.RunAsync(config, offline: true, new StringWriter(), new StringWriter(), CancellationToken.None));

        Assert.Contains($"store {StorePath} does not exist yet", output.ToString());
        Assert.Contains("p: ok, folder", output.ToString());
        Assert.False(Directory.Exists(_temp.File("data")));
    }

    [Fact]
    public async Task Run_once_with_pause_after_state_stops_there_and_exits_with_the_paused_code()
    {
        var config = WriteConfig(pauseAfter: "synced");
        var output = new StringWriter();

        var code = await RunOnceCommand.RunAsync(config, "p", "manual", output, new StringWriter(), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(CliHost.PausedExitCode, code);
        Assert.Contains("paused after state synced", output.ToString());
        Assert.True(File.Exists(StorePath + ".paused"));
        var run = Assert.Single(new StoreSet(new ElfsStore(StorePath)).Runs.List("p"));
        Assert.Equal(RunState.Synced, run.State);
    }

    [Fact]
    public void The_configuration_is_validated_once_and_its_options_are_used_as_they_are()
    {
        var loaded = CliHost.LoadValid(WriteConfig(), new StringWriter());
        Assert.NotNull(loaded);

        using (var services = CliHost.Services(loaded))
            Assert.Same(loaded.Options, services.GetRequiredService<IOptions<ElfsOptions>>().Value);
        using var app = RunCommand.Build(loaded);
        Assert.Same(loaded.Options, app.Services.GetRequiredService<IOptions<ElfsOptions>>().Value);
        Assert.Empty(app.Services.GetServices<IValidateOptions<ElfsOptions>>());
    }

    public void Dispose() => _temp.Dispose();
}
