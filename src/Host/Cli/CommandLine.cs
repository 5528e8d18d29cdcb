using System.CommandLine;

namespace Elfs.Host.Cli;

/// <summary>The <c>elfs</c> command tree.</summary>
public static class CommandLine
{
    /// <summary>Builds the root command with every sub-command.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("Elfs.LabelOps: label-free selection of the images worth labeling first (ELFS).");
        root.Subcommands.Add(DoctorCommand.Create());
        root.Subcommands.Add(SelectCommand.Create());
        root.Subcommands.Add(EmbedCommand.Create());
        return root;
    }
}
