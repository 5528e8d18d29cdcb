using Elfs.Connector;
using Elfs.Connector.Cvat;
using Elfs.Connector.LabelStudio;
using Elfs.Connector.LocalFolder;
using Elfs.Host.Configuration;
using Elfs.Host.Runs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Elfs.Host.Tools;

/// <summary>Makes each project's <see cref="ILabelingTool"/> from its configuration.</summary>
public sealed class ToolFactory(IOptions<ElfsOptions> options, LabelStudioToolFactory labelStudio, StoreSet stores, ILoggerFactory loggers) : IToolFactory
{
    /// <inheritdoc />
    public ILabelingTool Create(ProjectOptions project)
    {
        var prefix = $"{ElfsOptions.SectionName}:Projects:{options.Value.Projects.IndexOf(project)}";
        return project.ToolKind switch
        {
            ToolKind.LocalFolder => new LocalFolderTool(LocalFolderOptionsOf(project)),
            ToolKind.LabelStudio => labelStudio.Create(new LabelStudioOptions
            {
                Url = project.Url!,
                TokenEnv = project.TokenEnv!,
                ProjectId = project.ProjectId!.Value,
                Classes = project.Clusters,
                ImageKey = string.IsNullOrWhiteSpace(project.ImageKey) ? null : project.ImageKey,
                Http = project.Http,
            }, prefix),
            _ => CvatToolFactory.Create(new CvatOptions
            {
                Url = project.Url!,
                TokenEnv = project.TokenEnv!,
                TokenKind = Enum.Parse<CvatTokenKind>(project.TokenKind, ignoreCase: true),
                AttachMode = Enum.Parse<CvatAttachMode>(project.AttachMode, ignoreCase: true),
                Organization = project.Organization,
                ProjectId = project.PoolProjectId,
                TaskIds = project.PoolTaskIds,
                AnnotationProjectId = project.AnnotationProjectId!.Value,
                SegmentSize = project.SegmentSize,
                Assignees = project.Assignees,
                Http = project.Http,
            }, new StoreCvatPlacementLedger(stores.Store, project.Name), loggers, prefix),
        };
    }

    /// <summary>The LocalFolder settings of <paramref name="project"/>.</summary>
    public static LocalFolderOptions LocalFolderOptionsOf(ProjectOptions project) => new()
    {
        Folder = project.Folder ?? throw new LabelingToolException($"project {project.Name}: Folder is empty"),
        OutputPath = project.OutputPath,
        LabeledFile = project.LabeledFile,
        MaxImageBytes = project.Http.MaxImageBytes,
    };
}
