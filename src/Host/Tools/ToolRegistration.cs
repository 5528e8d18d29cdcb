using Elfs.Connector.Cvat;
using Elfs.Connector.LabelStudio;
using Elfs.Host.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Elfs.Host.Tools;

/// <summary>Registers each configured Label Studio and CVAT project's named clients at start-up, keyed by its section.</summary>
internal static class ToolRegistration
{
    /// <summary>Registers the projects whose <c>Tool</c> settings are <paramref name="tools"/>, in configuration order.</summary>
    public static IServiceCollection AddProjectTools(this IServiceCollection services, IReadOnlyList<string?> tools)
    {
        for (var i = 0; i < tools.Count; i++)
        {
            var index = i;
            var prefix = ToolFactory.Prefix(index);
            if (Is(tools[i], ToolKind.LabelStudio))
                services.AddLabelStudioProject(prefix, sp => ToolFactory.LabelStudioOptionsOf(Project(sp, index)));
            else if (Is(tools[i], ToolKind.Cvat))
                services.AddCvatProject(prefix, sp => ToolFactory.CvatOptionsOf(Project(sp, index)),
                    new CvatSettingKeys(prefix, nameof(ProjectOptions.PoolProjectId), nameof(ProjectOptions.PoolTaskIds)));
        }
        return services;
    }

    private static bool Is(string? tool, ToolKind kind) => string.Equals(tool, kind.ToString(), StringComparison.OrdinalIgnoreCase);

    private static ProjectOptions Project(IServiceProvider services, int index) =>
        services.GetRequiredService<IOptions<ElfsOptions>>().Value.Projects[index];
}
