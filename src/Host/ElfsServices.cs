using Elfs.Host.Configuration;
using Elfs.Host.Embedding;
using Elfs.Host.Reports;
using Elfs.Host.Runs;
using Elfs.Host.Storage;
using Elfs.Host.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Elfs.Host;

/// <summary>Registers the host's services: validated options, the store, the stages, the run pipeline.</summary>
public static class ElfsServices
{
    /// <summary>Adds everything a run needs (no schedule, no web page); the options are bound from <paramref name="configuration"/> and validated on first use.</summary>
    public static IServiceCollection AddElfsCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ElfsOptions>().Bind(configuration.GetSection(ElfsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ElfsOptions>, ElfsOptionsValidator>();
        var tools = configuration.GetSection(ElfsOptions.SectionName).GetSection(nameof(ElfsOptions.Projects)).GetChildren()
            .Select(p => p[nameof(ProjectOptions.Tool)]).ToList();
        return services.AddElfsStages(tools);
    }

    /// <summary>Adds everything a run needs with options already validated (<see cref="ElfsConfiguration.Bind"/>), which are not bound or validated again.</summary>
    public static IServiceCollection AddElfsCore(this IServiceCollection services, ElfsOptions validated)
    {
        services.AddSingleton(Options.Create(validated));
        return services.AddElfsStages(validated.Projects.Select(p => (string?)p.Tool).ToList());
    }

    private static IServiceCollection AddElfsStages(this IServiceCollection services, IReadOnlyList<string?> tools)
    {
        services.AddSingleton(sp => new StoreSet(new ElfsStore(sp.GetRequiredService<IOptions<ElfsOptions>>().Value.Storage.Path)));
        services.AddSingleton(TimeProvider.System);
        services.AddProjectTools(tools);
        services.AddSingleton<IToolFactory, ToolFactory>();
        services.AddSingleton<IEmbeddingStageFactory, EmbeddingStageFactory>();
        services.AddSingleton<ISelectionStage, ElfsSelectionStage>();
        services.AddSingleton<IRunReporter, RunReporter>();
        services.AddSingleton<RunPipeline>();
        return services;
    }
}
