using System.CommandLine;
using System.Globalization;
using Elfs.Host.Runs;
using Elfs.Host.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Elfs.Host.Cli;

/// <summary><c>elfs status [--project NAME]</c>: runs, their state, last error and queue size.</summary>
public static class StatusCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var project = CliOptions.Project(required: false);
        var limit = new Option<int>("--limit") { Description = "Runs to show.", DefaultValueFactory = _ => 20 };
        var command = new Command("status", "Show the runs, their state, last error and queue size.") { project, limit };
        command.SetAction(parse => Run(parse.GetValue(CliOptions.Config), parse.GetValue(project), parse.GetValue(limit), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Prints the status; returns the exit code.</summary>
    public static int Run(string? configPath, string? project, int limit, TextWriter output, TextWriter error)
    {
        var configuration = CliHost.LoadValid(configPath, error);
        if (configuration is null)
            return 1;
        using var services = CliHost.Services(configuration, LogLevel.Warning);
        if (!CliHost.OpenStore(services, error))
            return 1;
        var stores = services.GetRequiredService<StoreSet>();
        var runs = stores.Runs.List(project, limit).Select(RunViews.Of).ToList();
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"store {stores.Store.Path}"));
        if (runs.Count == 0)
        {
            output.WriteLine(project is null ? "no runs yet" : $"no runs of {project} yet");
            return 0;
        }
        output.WriteLine(string.Create(c, $"{"run",-42} {"state",-9} {"started",-20} {"finished",-20} {"queued",6}  last error"));
        foreach (var r in runs)
            output.WriteLine(string.Create(c, $"{r.Id,-42} {r.State,-9} {r.Started,-20} {r.Finished ?? "",-20} {r.Queued?.ToString(c) ?? "",6}  {r.Error ?? ""}"));
        foreach (var group in runs.GroupBy(r => r.Project, StringComparer.OrdinalIgnoreCase))
        {
            var done = group.FirstOrDefault(r => r.State == "done");
            if (done is not null)
                output.WriteLine(QueueLine(group.Key, done));
        }
        return 0;
    }

    /// <summary>
    /// The project's current queue as the tool holds it (the "queued" column's number), with the items the tool refused
    /// at push time (deleted or labeled since the sync) named as such, so the two never disagree.
    /// </summary>
    public static string QueueLine(string project, RunView done)
    {
        var c = CultureInfo.InvariantCulture;
        var refused = done.Rejected is > 0 ? string.Create(c, $" ({done.Queued + done.Rejected} chosen; the tool refused {done.Rejected}, e.g. deleted or labeled since the sync)") : "";
        return string.Create(c, $"{project}: queue of {done.Queued ?? 0} item(s){refused} from {done.Id}; report {done.Report}");
    }
}
