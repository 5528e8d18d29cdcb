using Elfs.Host.Cli;

return CommandLine.Build().Parse(args).Invoke();
