using System.CommandLine;
using System.Globalization;
using System.Text;
using Elfs.Engine;
using Elfs.Engine.Torch;

namespace Elfs.Host.Cli;

/// <summary>
/// <c>elfs select</c>: runs ELFS on an embeddings file and writes one CSV row per input row. Bad input ends with a
/// one-line error naming the problem and exit code 2, before anything is written.
/// </summary>
public static class SelectCommand
{
    /// <summary>Exit code for bad input (file, values or options).</summary>
    public const int BadInputExitCode = 2;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var embeddings = new Option<string>("--embeddings") { Description = "Embeddings: .npy (float32/float16, 2-D) or .csv (numbers only)", Required = true };
        var clusters = new Option<int>("--clusters") { Description = "Number of pseudo-label clusters K (2 <= K <= N)", Required = true };
        var fraction = new Option<double?>("--fraction") { Description = "Budget as a fraction of N, in (0, 1 - beta]" };
        var count = new Option<int?>("--count") { Description = "Budget as a number of items" };
        var beta = new Option<double>("--beta") { Description = "Hard-prune ratio beta in [0, 1)", DefaultValueFactory = _ => 0.1 };
        var method = new Option<string>("--method") { Description = "elfs | ccs | random | prototypicality", DefaultValueFactory = _ => "elfs" };
        var profile = new Option<string>("--profile") { Description = "paper | cpu", DefaultValueFactory = _ => "cpu" };
        var seed = new Option<ulong>("--seed") { Description = "Seed for every random choice", DefaultValueFactory = _ => 0UL };
        var device = new Option<string>("--device") { Description = "auto | cpu | cuda | cuda:N", DefaultValueFactory = _ => "auto" };
        var output = new Option<string>("--out") { Description = "Output CSV: index,selected,rank,pseudo_label,confidence,aum,forgetting,el2n", Required = true };
        var command = new Command("select", "Select the items worth labeling first from an embeddings file (ELFS).")
        {
            embeddings, clusters, fraction, count, beta, method, profile, seed, device, output,
        };
        command.SetAction(parse => Run(new SelectArguments(
            parse.GetValue(embeddings)!, parse.GetValue(clusters), parse.GetValue(fraction), parse.GetValue(count), parse.GetValue(beta),
            parse.GetValue(method)!, parse.GetValue(profile)!, parse.GetValue(seed), parse.GetValue(device)!, parse.GetValue(output)!),
            Console.Error));
        return command;
    }

    /// <summary>Runs a selection; returns 0, or <see cref="BadInputExitCode"/> after a one-line error on <paramref name="error"/>.</summary>
    public static int Run(SelectArguments arguments, TextWriter error, ElfsProfile? profileOverride = null, CancellationToken cancellationToken = default)
    {
        SelectionResult result;
        int rows;
        try
        {
            if (!Enum.TryParse<SelectionMethod>(arguments.Method, ignoreCase: true, out var method) || !Enum.IsDefined(method))
                throw new ArgumentException($"--method '{arguments.Method}' is not known; allowed: elfs, ccs, random, prototypicality");
            var profile = profileOverride ?? ElfsProfile.FromName(arguments.Profile);
            var outDirectory = Path.GetDirectoryName(Path.GetFullPath(arguments.Out))!;
            if (!Directory.Exists(outDirectory))
                throw new ArgumentException($"--out: directory '{outDirectory}' does not exist");
            var matrix = EmbeddingFileReader.Read(arguments.Embeddings);
            rows = matrix.Rows;
            var options = new SelectionOptions
            {
                Clusters = arguments.Clusters, Fraction = arguments.Fraction, Count = arguments.Count, Beta = arguments.Beta,
                Method = method, Profile = profile.Name, Seed = arguments.Seed, Device = arguments.Device,
            };
            TorchRuntime.Configure(null);
            var progress = new Progress<StageProgress>(p => { if (p.Step == p.Total) error.WriteLine($"[{p.Stage}] {p.Step}/{p.Total} {p.Detail}"); });
            result = ElfsSelector.Select(matrix.Data, matrix.Rows, matrix.Cols, options, profile, progress, cancellationToken);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or FileNotFoundException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {OptionName(e)}{OneLine(e.Message)}");
            return BadInputExitCode;
        }
        SelectionCsvWriter.Write(arguments.Out, result.Items);
        WriteSummary(error, result, rows);
        return 0;
    }

    private static string OptionName(Exception e) => e is ArgumentException { ParamName: { } name }
        ? name switch
        {
            "Clusters" => "--clusters: ",
            "Fraction" => "--fraction: ",
            "Count" => "--count: ",
            "Beta" => "--beta: ",
            "Device" => "--device: ",
            "Profile" => "--profile: ",
            "embeddings" or "rows" or "dim" => "--embeddings: ",
            _ => "",
        }
        : "";

    private static string OneLine(string message)
    {
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).ReplaceLineEndings(" ");
    }

    private static void WriteSummary(TextWriter error, SelectionResult result, int rows)
    {
        var c = CultureInfo.InvariantCulture;
        var summary = new StringBuilder();
        var selected = result.Items.Count(i => i.Selected);
        summary.AppendLine(string.Create(c, $"selected {selected} of {rows} on {result.DeviceUsed}"));
        summary.AppendLine("pseudo_label  size  selected");
        foreach (var group in result.Items.GroupBy(i => i.PseudoLabel).OrderBy(g => g.Key))
            summary.AppendLine(string.Create(c, $"{group.Key,12}  {group.Count(),4}  {group.Count(i => i.Selected),8}"));
        foreach (var (stage, time) in result.StageTimings)
            summary.AppendLine(string.Create(c, $"{stage,-14}{time.TotalSeconds,8:F1} s"));
        error.Write(summary.ToString());
    }
}
