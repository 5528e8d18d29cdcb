using System.CommandLine;
using System.Globalization;
using System.Text;
using Elfs.Engine;
using Elfs.Engine.Runtime;
using Elfs.Engine.Selection;

namespace Elfs.Host.Cli;

/// <summary>
/// <c>elfs select</c>: runs ELFS on an embeddings file and writes one CSV row per input row. With <c>--budgets</c> the
/// items are scored once and one CSV is written per budget. Bad input ends with a one-line error naming the problem and
/// exit code 2, before anything is written.
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
        var method = new Option<string>("--method") { Description = "auto (budget-aware default) | elfs | ccs | random | prototypicality", DefaultValueFactory = _ => "auto" };
        var budgets = new Option<string?>("--budgets") { Description = "Several budgets, comma-separated (fractions below 1 or counts, e.g. 0.01,0.05,500): scored once, one CSV per budget named OUT.BUDGET.csv" };
        var profile = new Option<string>("--profile") { Description = "paper | cpu", DefaultValueFactory = _ => "cpu" };
        var seed = new Option<ulong>("--seed") { Description = "Seed for every random choice", DefaultValueFactory = _ => 0UL };
        var device = new Option<string>("--device") { Description = "auto | cpu | cuda | cuda:N", DefaultValueFactory = _ => "auto" };
        var output = new Option<string>("--out") { Description = "Output CSV: index,selected,rank,pseudo_label,confidence,aum,forgetting,el2n,duplicate_of,reason", Required = true };
        var betaAuto = new Option<bool>("--beta-auto") { Description = "Choose beta without labels (held-out pseudo-label accuracy); --beta is then ignored" };
        var duplicateThreshold = new Option<double?>("--duplicate-threshold") { Description = $"Near-duplicate cosine threshold in (0, 1] (default {NearDuplicates.DefaultThreshold})" };
        var noDuplicateCheck = new Option<bool>("--no-duplicate-check") { Description = "Keep near-duplicates" };
        var command = new Command("select", "Select the items worth labeling first from an embeddings file (ELFS).")
        {
            embeddings, clusters, fraction, count, budgets, beta, method, profile, seed, device, output, betaAuto, duplicateThreshold, noDuplicateCheck,
        };
        command.SetAction(parse => Run(new SelectArguments(
            parse.GetValue(embeddings)!, parse.GetValue(clusters), parse.GetValue(fraction), parse.GetValue(count), parse.GetValue(beta),
            parse.GetValue(method)!, parse.GetValue(profile)!, parse.GetValue(seed), parse.GetValue(device)!, parse.GetValue(output)!,
            parse.GetValue(betaAuto), parse.GetValue(duplicateThreshold), parse.GetValue(noDuplicateCheck), parse.GetValue(budgets)),
            Console.Error));
        return command;
    }

    /// <summary>Runs a selection; returns 0, or <see cref="BadInputExitCode"/> after a one-line error on <paramref name="error"/>.</summary>
    public static int Run(SelectArguments arguments, TextWriter error, ElfsProfile? profileOverride = null, CancellationToken cancellationToken = default)
    {
        List<(string Out, SelectionResult Result)> results = [];
        int rows;
        try
        {
            if (!Enum.TryParse<SelectionMethod>(arguments.Method, ignoreCase: true, out var method) || !Enum.IsDefined(method))
                throw new ArgumentException($"--method '{arguments.Method}' is not known; allowed: auto, elfs, ccs, random, prototypicality");
            var budgets = SelectBudgets.Parse(arguments.Budgets, arguments.Fraction, arguments.Count);
            var profile = profileOverride ?? ElfsProfile.FromName(arguments.Profile);
            var outDirectory = Path.GetDirectoryName(Path.GetFullPath(arguments.Out))!;
            if (!Directory.Exists(outDirectory))
                throw new ArgumentException($"--out: directory '{outDirectory}' does not exist");
            var matrix = EmbeddingFileReader.Read(arguments.Embeddings);
            rows = matrix.Rows;
            var options = new SelectionOptions
            {
                Clusters = arguments.Clusters, Fraction = arguments.Fraction, Count = arguments.Count, Beta = arguments.Beta,
                Method = method, Profile = profile.Name, Seed = arguments.Seed, Device = arguments.Device, BetaAuto = arguments.BetaAuto,
                DuplicateThreshold = arguments.NoDuplicateCheck || method is not (SelectionMethod.Elfs or SelectionMethod.Auto) ? null : arguments.DuplicateThreshold ?? NearDuplicates.DefaultThreshold,
            };
            foreach (var budget in budgets) ElfsSelector.CheckBudget(matrix.Rows, options with { Fraction = budget.Fraction, Count = budget.Count });
            EngineRuntime.Configure(null);
            var progress = new StageProgressWriter(error);
            var scores = ElfsSelector.Score(matrix.Data, matrix.Rows, matrix.Cols, options with { Fraction = budgets[0].Fraction, Count = budgets[0].Count }, profile, progress, cancellationToken);
            foreach (var budget in budgets)
                results.Add((budgets.Count == 1 ? arguments.Out : SelectBudgets.OutputPath(arguments.Out, budget.Text),
                    ElfsSelector.Select(scores, options with { Fraction = budget.Fraction, Count = budget.Count }, progress, cancellationToken)));
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or FileNotFoundException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {OptionName(e)}{OneLine(e.Message)}");
            return BadInputExitCode;
        }
        foreach (var (path, result) in results)
        {
            SelectionCsvWriter.Write(path, result.Items);
            if (results.Count > 1) error.WriteLine($"{path}:");
            WriteSummary(error, result, rows);
        }
        return 0;
    }

    private static string OptionName(Exception e) => e is ArgumentException { ParamName: { } name }
        ? name switch
        {
            "Clusters" => "--clusters: ",
            "Fraction" => "--fraction: ",
            "Count" => "--count: ",
            "Budgets" => "--budgets: ",
            "Beta" => "--beta: ",
            "BetaAuto" => "--beta-auto: ",
            "DuplicateThreshold" => "--duplicate-threshold: ",
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
        summary.AppendLine(string.Create(c, $"selected {selected} of {rows} on {result.DeviceUsed}; {result.DuplicatesDropped} near-duplicates dropped"));
        if (result.Strategy is { } strategy) summary.AppendLine($"strategy {strategy.Name}: {strategy.Reason}");
        if (result.Clustering is { } clustering) summary.AppendLine($"groups: {clustering.Reason}");
        if (result.BetaSearch is { } search)
            summary.AppendLine(string.Create(c, $"beta auto: {search.Beta:0.##} (held-out pseudo-label accuracy per beta: {string.Join(", ", search.Candidates.Select((b, k) => $"{b:0.##}={100 * search.Accuracies[k]:F1}%"))})"));
        summary.AppendLine("pseudo_label  size  selected");
        foreach (var group in result.Items.GroupBy(i => i.PseudoLabel).OrderBy(g => g.Key))
            summary.AppendLine(string.Create(c, $"{group.Key,12}  {group.Count(),4}  {group.Count(i => i.Selected),8}"));
        foreach (var (stage, time) in result.StageTimings)
            summary.AppendLine(string.Create(c, $"{stage,-14}{time.TotalSeconds,8:F1} s"));
        error.Write(summary.ToString());
    }
}
