using Elfs.Connector;
using Elfs.Connector.LocalFolder;
using Elfs.Host.Configuration;

namespace Elfs.Host.Tools;

/// <summary>
/// Makes each project's <see cref="ILabelingTool"/>. LocalFolder is built in; Label Studio and CVAT are wired here
/// when their connectors are merged (see the notes in <see cref="Create"/>).
/// </summary>
public sealed class ToolFactory : IToolFactory
{
    /// <inheritdoc />
    public ILabelingTool Create(ProjectOptions project) => project.ToolKind switch
    {
        ToolKind.LocalFolder => new LocalFolderTool(LocalFolderOptionsOf(project)),
        // Wiring point for the Label Studio connector: LabelStudioToolFactory.Create(new LabelStudioOptions { ... from project ... }).
        ToolKind.LabelStudio => throw new LabelingToolException(
            $"project {project.Name}: the Label Studio connector is not part of this build (Tool = LabelStudio)"),
        // Wiring point for the CVAT connector: CvatToolFactory.Create(new CvatOptions { ... }, ledger backed by the store).
        _ => throw new LabelingToolException($"project {project.Name}: the CVAT connector is not part of this build (Tool = Cvat)"),
    };

    /// <summary>The LocalFolder settings of <paramref name="project"/>.</summary>
    public static LocalFolderOptions LocalFolderOptionsOf(ProjectOptions project) => new()
    {
        Folder = project.Folder ?? throw new LabelingToolException($"project {project.Name}: Folder is empty"),
        OutputPath = project.OutputPath,
        LabeledFile = project.LabeledFile,
        MaxImageBytes = project.Http.MaxImageBytes,
    };
}
