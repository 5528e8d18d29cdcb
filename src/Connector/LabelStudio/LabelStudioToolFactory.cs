using Elfs.Connector.Http;
using Elfs.Connector.LabelStudio.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Elfs.Connector.LabelStudio;

/// <summary>
/// Makes the <see cref="ILabelingTool"/> of a Label Studio project registered with
/// <see cref="LabelStudioServiceCollectionExtensions.AddLabelStudioProject"/>; the host calls
/// <see cref="Create(string)"/> once per project and run and disposes the tool when done. Tools of a project share its
/// named client: pooled connections, the auth handler (and its access token) and the resilience pipeline.
/// </summary>
public sealed class LabelStudioToolFactory(IServiceProvider services, IHttpClientFactory clients, ILoggerFactory? loggers = null,
    TimeProvider? time = null)
{
    internal const string LoggerCategory = "Elfs.Connector.LabelStudio";

    /// <summary>The <see cref="IHttpClientFactory"/> name of the client of the project registered under <paramref name="settingPrefix"/>.</summary>
    public static string ClientName(string settingPrefix) => "Elfs.LabelStudio:" + settingPrefix;

    /// <summary>
    /// The tool of the project registered under <paramref name="settingPrefix"/>. Validates its options and reads the
    /// token from <see cref="LabelStudioOptions.TokenEnv"/>; throws <see cref="LabelingToolException"/> naming the
    /// setting (under the prefix) when either is wrong. The returned tool is <see cref="IDisposable"/>.
    /// </summary>
    public ILabelingTool Create(string settingPrefix)
    {
        var project = services.GetKeyedService<LabelStudioRegisteredProject>(settingPrefix)
            ?? throw new InvalidOperationException($"no Label Studio project is registered under '{settingPrefix}'; call AddLabelStudioProject(\"{settingPrefix}\", …) at start-up");
        var options = project.Options;
        var problems = options.Validate(settingPrefix).ToList();
        if (problems.Count > 0) throw new LabelingToolException(string.Join("; ", problems));
        var token = ReadToken(project, time ?? TimeProvider.System);
        var logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger(LoggerCategory);
        var http = clients.CreateClient(ClientName(settingPrefix));
        logger.LogInformation("Label Studio project {Project} at {Url}: {Kind} token from {Variable}", options.ProjectId, options.BaseUri,
            token.Kind, options.TokenEnv);
        return new LabelStudioTool(http, services.GetRequiredKeyedService<ILabelStudioApi>(settingPrefix), options, settingPrefix, logger);
    }

    internal static string TokenSetting(LabelStudioRegisteredProject project) =>
        $"{project.SettingPrefix}:TokenEnv ({project.Options.TokenEnv})";

    internal static LabelStudioToken ReadToken(LabelStudioRegisteredProject project, TimeProvider time) =>
        LabelStudioToken.Parse(TokenSource.Read(project.Options.TokenEnv, $"{project.SettingPrefix}:TokenEnv"), TokenSetting(project), time.GetUtcNow());
}
