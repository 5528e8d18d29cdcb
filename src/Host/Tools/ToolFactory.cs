using Elfs.Connector;
using Elfs.Connector.Cvat;
using Elfs.Connector.LabelStudio;
using Elfs.Connector.LocalFolder;
using Elfs.Host.Configuration;
using Elfs.Host.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Elfs.Host.Tools;

/// <summary>Makes each project's <see cref="ILabelingTool"/> from its configuration (Label Studio and CVAT from the clients registered at start-up).</summary>
public sealed class ToolFactory(IOptions<ElfsOptions> options, IServiceProvider services, StoreSet stores) : IToolFactory
{
    /// <inheritdoc />
    public ILabelingTool Create(ProjectOptions project)
    {
        var prefix = Prefix(options.Value.Projects.IndexOf(project));
        return project.ToolKind switch
        {
            ToolKind.LocalFolder => new LocalFolderTool(LocalFolderOptionsOf(project)),
            ToolKind.LabelStudio => services.GetRequiredService<LabelStudioToolFactory>().Create(prefix),
            _ => services.GetRequiredService<CvatToolFactory>().Create(prefix, new StoreCvatPlacementLedger(stores.Store, project.Name)),
        };
    }

    /// <summary>The configuration section of the project at <paramref name="index"/>, e.g. <c>Elfs:Projects:0</c>.</summary>
    public static string Prefix(int index) => $"{ElfsOptions.SectionName}:Projects:{index}";

    /// <summary>The Label Studio settings of <paramref name="project"/>.</summary>
    public static LabelStudioOptions LabelStudioOptionsOf(ProjectOptions project) => new()
    {
        Url = project.Url!,
        TokenEnv = project.TokenEnv!,
        ProjectId = project.ProjectId!.Value,
        Classes = project.Clusters,
        ImageKey = string.IsNullOrWhiteSpace(project.ImageKey) ? null : project.ImageKey,
        Http = project.Http,
    };

    /// <summary>The CVAT settings of <paramref name="project"/>.</summary>
    public static CvatOptions CvatOptionsOf(ProjectOptions project) => new()
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
        AssignmentBestEffort = project.AssignmentBestEffort,
        Http = project.Http,
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
