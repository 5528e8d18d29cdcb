using System.CommandLine;

namespace Elfs.Host.Cli;

/// <summary>Options shared by the host's commands.</summary>
public static class CliOptions
{
    /// <summary><c>--config FILE</c>: the configuration file (default: appsettings.json in the current folder, else next to the program).</summary>
    public static Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = "Configuration file (default: ./appsettings.json, else the one next to the program); environment variables override it (Elfs__Projects__0__Budget=200).",
        Recursive = true,
    };

    /// <summary><c>--project NAME</c>.</summary>
    public static Option<string> Project(bool required) => new("--project", "-p")
    {
        Description = "The project's Name from the configuration.",
        Required = required,
    };
}
