using System.CommandLine;
using Elfs.Connector;
using Elfs.Host.Storage;
using Elfs.Host.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Elfs.Host.Cli;

/// <summary><c>elfs validate-config</c>: checks the configuration, then each project's connectivity (auth, project exists), without running.</summary>
public static class ValidateConfigCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var offline = new Option<bool>("--offline") { Description = "Check the configuration only; do not contact the tools." };
        var command = new Command("validate-config", "Check the configuration and each project's connectivity (token, project) without running.") { offline };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(CliOptions.Config), parse.GetValue(offline), Console.Out, Console.Error, ct));
        return command;
    }

    /// <summary>Runs the checks; returns 0 when everything is usable.</summary>
    public static async Task<int> RunAsync(string? configPath, bool offline, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var configuration = CliHost.LoadValid(configPath, error);
        if (configuration is null)
            return 1;
        var options = configuration.Options;
        var store = Path.GetFullPath(options.Storage.Path);
        output.WriteLine($"configuration ok: {options.Projects.Count} project(s), store {store}");
        try
        {
            // Read-only: a missing store is created by the first run, never by this check.
            output.WriteLine(StoreIntegrity.CheckExisting(store) ? $"store ok: {store}" : $"store {store} does not exist yet; the first run creates it");
        }
        catch (StoreDamagedException e)
        {
            error.WriteLine("error: " + e.Message);
            return 1;
        }
        if (offline)
            return 0;
        using var services = CliHost.Services(configuration, LogLevel.Warning);
        var failures = 0;
        var tools = services.GetRequiredService<IToolFactory>();
        foreach (var project in options.Projects)
        {
            try
            {
                var check = await tools.Create(project).CheckAsync(cancellationToken);
                output.WriteLine($"{project.Name}: ok, {check.Description}{(check.ClassCount is { } k ? $", {k} classes" : "")}");
                foreach (var warning in check.Warnings)
                    output.WriteLine($"{project.Name}: warning: {warning}");
            }
            catch (Exception e) when (e is LabelingToolException or HttpRequestException or IOException)
            {
                failures++;
                error.WriteLine($"{project.Name}: error: {e.Message}");
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
