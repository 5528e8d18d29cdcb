using Elfs.Connector;
using Elfs.Host.Configuration;

namespace Elfs.Host.Tools;

/// <summary>Creates the labeling tool a project's configuration names.</summary>
public interface IToolFactory
{
    /// <summary>The tool for <paramref name="project"/>; throws <see cref="LabelingToolException"/> naming the setting when it cannot be made.</summary>
    ILabelingTool Create(ProjectOptions project);
}
