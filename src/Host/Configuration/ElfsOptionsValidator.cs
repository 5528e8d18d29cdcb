using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Elfs.Engine.Encoders;
using Microsoft.Extensions.Options;
using Quartz;

namespace Elfs.Host.Configuration;

/// <summary>
/// Checks the whole configuration at start-up and reports every problem at once, each naming the key, the value and
/// what is allowed, e.g. <c>Elfs:Projects:1:Budget: 1.4 is not a fraction in (0, 1] nor a count</c>.
/// </summary>
public sealed partial class ElfsOptionsValidator : IValidateOptions<ElfsOptions>
{
    private static readonly string[] Devices = ["auto", "cpu", "cuda"];
    private static readonly string[] Profiles = ["cpu", "paper"];
    private static readonly string[] Precisions = ["float32", "float16"];
    private static readonly string[] PauseStates = ["synced", "embedded", "selected", "pushed"];

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ElfsOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Every problem of <paramref name="options"/>, one message each; empty when the configuration is usable.</summary>
    public static IEnumerable<string> Problems(ElfsOptions options)
    {
        const string s = ElfsOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.Storage.Path))
            yield return $"{s}:Storage:Path: is empty; name the SQLite file, e.g. data/elfs.db";
        if (!Precisions.Contains(options.Storage.EmbeddingPrecision, StringComparer.OrdinalIgnoreCase))
            yield return $"{s}:Storage:EmbeddingPrecision: '{options.Storage.EmbeddingPrecision}' is not one of {string.Join(", ", Precisions)}";

        var e = options.Engine;
        if (!IsDevice(e.Device))
            yield return $"{s}:Engine:Device: '{e.Device}' is not one of auto, cpu, cuda, cuda:N";
        if (e.Threads < 0 || e.Threads > 1024)
            yield return $"{s}:Engine:Threads: {e.Threads} is not in 0..1024 (0 = every core)";
        if (!Profiles.Contains(e.Profile, StringComparer.OrdinalIgnoreCase))
            yield return $"{s}:Engine:Profile: '{e.Profile}' is not one of {string.Join(", ", Profiles)}";
        if (e.ClusteringEpochs is < 1 or > 10000)
            yield return $"{s}:Engine:ClusteringEpochs: {e.ClusteringEpochs} is not in 1..10000 (or empty for the profile's)";
        if (e.ProxyEpochs is < 2 or > 10000)
            yield return $"{s}:Engine:ProxyEpochs: {e.ProxyEpochs} is not in 2..10000 (or empty for the profile's)";
        if (e.EncodeBatchSize is < 1 or > 4096)
            yield return $"{s}:Engine:EncodeBatchSize: {e.EncodeBatchSize} is not in 1..4096";

        var page = options.StatusPage;
        if (!IPAddress.TryParse(page.Address, out var address) || !IPAddress.IsLoopback(address))
            yield return $"{s}:StatusPage:Address: '{page.Address}' is not a loopback address (127.0.0.1 or ::1); put a reverse proxy in front to expose it";
        if (page.Port is < 0 or > 65535)
            yield return $"{s}:StatusPage:Port: {page.Port} is not in 0..65535";

        var pause = options.Diagnostics.PauseAfterState;
        if (!string.IsNullOrEmpty(pause) && !PauseStates.Contains(pause, StringComparer.OrdinalIgnoreCase))
            yield return $"{s}:Diagnostics:PauseAfterState: '{pause}' is not one of {string.Join(", ", PauseStates)} (or empty)";

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Projects.Count; i++)
        {
            var p = options.Projects[i];
            var key = $"{s}:Projects:{i}";
            if (!string.IsNullOrEmpty(p.Name) && !seen.TryAdd(p.Name, i))
                yield return $"{key}:Name: '{p.Name}' is already the name of {s}:Projects:{seen[p.Name]}; names must be unique";
            foreach (var problem in ProjectProblems(key, p))
                yield return problem;
        }
    }

    private static IEnumerable<string> ProjectProblems(string key, ProjectOptions p)
    {
        if (!NamePattern().IsMatch(p.Name ?? ""))
            yield return $"{key}:Name: '{p.Name}' is not 1-64 letters, digits, '.', '-' or '_'";

        var toolOk = Enum.TryParse<ToolKind>(p.Tool, ignoreCase: true, out var tool) && Enum.IsDefined(tool) && !int.TryParse(p.Tool, out _);
        if (!toolOk)
            yield return $"{key}:Tool: '{p.Tool}' is not one of LocalFolder, LabelStudio, Cvat";

        if (!Budget.TryParse(p.Budget, out var budget, out var budgetError))
            yield return $"{key}:Budget: {budgetError}";
        if (double.IsNaN(p.Beta) || p.Beta < 0 || p.Beta >= 1)
            yield return $"{key}:Beta: {F(p.Beta)} is not in [0, 1)";
        else if (!p.BetaAuto && budget.Fraction is { } fraction && p.Beta + fraction > 1 + 1e-9)
            yield return $"{key}:Beta: {F(p.Beta)} plus the budget fraction {F(fraction)} exceeds 1; lower one of them";
        if (double.IsNaN(p.DuplicateThreshold) || p.DuplicateThreshold < 0 || p.DuplicateThreshold > 1)
            yield return $"{key}:DuplicateThreshold: {F(p.DuplicateThreshold)} is not a cosine similarity in (0, 1], nor 0 (off)";
        if (p.Clusters is < 2)
            yield return $"{key}:Clusters: {p.Clusters} is less than 2; set the number of classes (K >= 2){(toolOk && tool == ToolKind.LocalFolder ? "" : " or leave it empty to take it from the tool")}";

        foreach (var problem in EncoderProblems(key, p))
            yield return problem;

        if (!TryParseSchedule(p.Schedule, p.TimeZone, out _, out var scheduleError))
            yield return $"{key}:Schedule: '{p.Schedule}' {scheduleError}";
        if (!string.IsNullOrEmpty(p.TimeZone) && !TryFindZone(p.TimeZone, out _))
            yield return $"{key}:TimeZone: '{p.TimeZone}' is not a time zone id known to this machine (e.g. Europe/Berlin, UTC)";

        foreach (var problem in p.Http.Validate($"{key}:Http"))
            yield return problem;

        if (!toolOk)
            yield break;
        foreach (var problem in tool switch
                 {
                     ToolKind.LocalFolder => LocalFolderProblems(key, p),
                     ToolKind.LabelStudio => LabelStudioProblems(key, p),
                     _ => CvatProblems(key, p),
                 })
            yield return problem;
    }

    private static IEnumerable<string> EncoderProblems(string key, ProjectOptions p)
    {
        if (!Enum.TryParse<EncoderKind>(p.Encoder, ignoreCase: true, out var encoder) || int.TryParse(p.Encoder, out _))
        {
            yield return $"{key}:Encoder: '{p.Encoder}' is not one of builtin, resnet18, onnx, torchscript, precomputed";
            yield break;
        }
        if (encoder is not (EncoderKind.Builtin or EncoderKind.ResNet18))
        {
            var file = encoder switch
            {
                EncoderKind.Onnx => "ONNX model file",
                EncoderKind.TorchScript => "TorchScript model file",
                _ => "vectors file (.npy with .ids.txt, or .csv)",
            };
            if (string.IsNullOrWhiteSpace(p.EncoderPath))
                yield return $"{key}:EncoderPath: is empty; Encoder {p.Encoder} needs the {file}";
            else if (!File.Exists(p.EncoderPath))
                yield return $"{key}:EncoderPath: '{p.EncoderPath}' does not exist";
        }
        if (p.EncoderInputSize is < 8 or > 4096)
            yield return $"{key}:EncoderInputSize: {p.EncoderInputSize} is not in 8..4096";
        else if (encoder == EncoderKind.ResNet18 && p.EncoderInputSize is { } size && size != ResNet18Encoder.InputSize)
            yield return $"{key}:EncoderInputSize: {size}, but Encoder resnet18 is fixed at {ResNet18Encoder.InputSize} (leave it unset)";
        var modelFile = encoder is EncoderKind.Onnx or EncoderKind.TorchScript;
        foreach (var (name, value, usedBy) in new[]
                 {
                     (nameof(p.EncoderMean), p.EncoderMean, modelFile), (nameof(p.EncoderStd), p.EncoderStd, modelFile),
                     (nameof(p.EncoderChannelOrder), p.EncoderChannelOrder, encoder == EncoderKind.Onnx),
                     (nameof(p.EncoderOutput), p.EncoderOutput, encoder == EncoderKind.Onnx),
                 })
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (!usedBy)
            {
                yield return $"{key}:{name}: '{value}' is set, but Encoder {p.Encoder} does not use it (used by: {(name is nameof(p.EncoderMean) or nameof(p.EncoderStd) ? "onnx, torchscript" : "onnx")}); remove it";
                continue;
            }
            var problem = name switch
            {
                nameof(p.EncoderMean) => ChannelValuesProblem(value, positive: false),
                nameof(p.EncoderStd) => ChannelValuesProblem(value, positive: true),
                nameof(p.EncoderChannelOrder) => value.Trim().ToLowerInvariant() is "rgb" or "bgr" ? null : "is not rgb or bgr",
                _ => null,
            };
            if (problem is not null) yield return $"{key}:{name}: '{value}' {problem}";
        }
    }

    private static string? ChannelValuesProblem(string text, bool positive)
    {
        float[] values;
        try
        {
            values = EncoderSpec.ParseValues(text);
        }
        catch (FormatException e)
        {
            return $"is not three numbers: {e.Message}";
        }
        if (values.Length != 3) return $"has {values.Length} value(s); give three, one per channel (R, G, B, or B, G, R for a bgr model)";
        return positive && values.Any(v => !(v > 0)) ? "has a value that is not positive" : null;
    }

    private static IEnumerable<string> LocalFolderProblems(string key, ProjectOptions p)
    {
        if (string.IsNullOrWhiteSpace(p.Folder))
            yield return $"{key}:Folder: is empty; LocalFolder needs the folder of images";
        else if (!Directory.Exists(p.Folder))
            yield return $"{key}:Folder: '{p.Folder}' is not an existing folder";
    }

    private static IEnumerable<string> LabelStudioProblems(string key, ProjectOptions p)
    {
        foreach (var problem in UrlAndTokenProblems(key, p))
            yield return problem;
        if (p.ProjectId is null or < 1)
            yield return $"{key}:ProjectId: '{p.ProjectId}' is not a Label Studio project id (a whole number >= 1, shown in the project's URL)";
    }

    private static IEnumerable<string> CvatProblems(string key, ProjectOptions p)
    {
        foreach (var problem in UrlAndTokenProblems(key, p))
            yield return problem;
        if (p.PoolProjectId is null && p.PoolTaskIds.Count == 0)
            yield return $"{key}:PoolProjectId: is empty and so is PoolTaskIds; name the CVAT project (or tasks) holding the images";
        if (p.PoolProjectId is < 1)
            yield return $"{key}:PoolProjectId: {p.PoolProjectId} is not a CVAT project id (>= 1)";
        if (p.PoolTaskIds.Any(t => t < 1))
            yield return $"{key}:PoolTaskIds: {string.Join(", ", p.PoolTaskIds)} contains an id < 1";
        if (p.AnnotationProjectId is null or < 1)
            yield return $"{key}:AnnotationProjectId: '{p.AnnotationProjectId}' is not a CVAT project id (>= 1); it receives each run's batch task";
        if (!p.TokenKind.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && !p.TokenKind.Equals("Token", StringComparison.OrdinalIgnoreCase))
            yield return $"{key}:TokenKind: '{p.TokenKind}' is not Bearer (personal access token) or Token (legacy key)";
        if (!new[] { "Auto", "Reference", "Upload" }.Contains(p.AttachMode, StringComparer.OrdinalIgnoreCase))
            yield return $"{key}:AttachMode: '{p.AttachMode}' is not one of Auto, Reference, Upload";
        if (p.SegmentSize is < 1 or > 10000)
            yield return $"{key}:SegmentSize: {p.SegmentSize} is not in 1..10000 frames per job";
        if (p.AssignmentBestEffort && p.Assignees.Count == 0)
            yield return $"{key}:AssignmentBestEffort: is true but {key}:Assignees is empty; name the CVAT users jobs are assigned to, or remove it";
    }

    private static IEnumerable<string> UrlAndTokenProblems(string key, ProjectOptions p)
    {
        if (!Uri.TryCreate(p.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            yield return $"{key}:Url: '{p.Url}' is not an absolute http(s) URL, e.g. https://labelstudio.example.com";
        if (string.IsNullOrWhiteSpace(p.TokenEnv))
            yield return $"{key}:TokenEnv: is empty; name the environment variable that holds the API token";
        else if (p.Enabled && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(p.TokenEnv)))
            yield return $"{key}:TokenEnv: the environment variable {p.TokenEnv} is not set or empty; export it with the API token";
    }

    /// <summary>Parses a five-field crontab or a Quartz expression in a zone; the error says what is allowed.</summary>
    public static bool TryParseSchedule(string? schedule, string? timeZone, out CronExpression? cron, out string error)
    {
        cron = null;
        error = "";
        var text = (schedule ?? "").Trim();
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields == 5 ? CronFormat.Unix : CronFormat.Quartz;
        try
        {
            var zone = !string.IsNullOrEmpty(timeZone) && TryFindZone(timeZone, out var z) ? z : TimeZoneInfo.Local;
            cron = CronExpression.Parse(text, format).WithTimeZone(zone);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            error = $"is not a cron schedule ({ex.Message.TrimEnd('.')}); use five-field crontab, e.g. '0 2 * * *' for nightly at 02:00";
            return false;
        }
    }

    private static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Local;
            return false;
        }
    }

    private static bool IsDevice(string? device) =>
        device is not null && (Devices.Contains(device, StringComparer.OrdinalIgnoreCase) || CudaIndex().IsMatch(device));

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^cuda:[0-9]{1,2}$")]
    private static partial Regex CudaIndex();
}
