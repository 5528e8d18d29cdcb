using Elfs.Connector;
using Elfs.Host.Configuration;
using Elfs.Host.Storage;

namespace Elfs.Host.Runs;

/// <summary>Writes a run's report once it has pushed.</summary>
public interface IRunReporter
{
    /// <summary>Writes the report of <paramref name="run"/>; returns its path.</summary>
    Task<string> WriteAsync(RunRecord run, ProjectOptions project, ILabelingTool tool, CancellationToken cancellationToken);
}
