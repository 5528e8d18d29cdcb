using System.CommandLine;

namespace Elfs.Host.Cli;

/// <summary>The <c>elfs</c> command tree.</summary>
public static class CommandLine
{
    /// <summary>Builds the root command with every sub-command.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("Elfs.LabelOps: label-free selection of the images worth labeling first (ELFS).");
        root.Options.Add(CliOptions.Config);
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(RunOnceCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(ValidateConfigCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(DoctorCommand.Create());
        root.Subcommands.Add(SelectCommand.Create());
        root.Subcommands.Add(EmbedCommand.Create());
        return root;
    }
}
