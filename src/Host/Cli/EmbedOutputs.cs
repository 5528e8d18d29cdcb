using System.Text;
using Elfs.Engine.Encoders;
using Elfs.Engine.IO;
using Elfs.Host.Storage;

namespace Elfs.Host.Cli;

/// <summary>Writes what <c>elfs embed</c> produces next to its --out file.</summary>
public static class EmbedOutputs
{
    /// <summary>The ids file of an output: <c>vectors.npy</c> gives <c>vectors.ids.txt</c>.</summary>
    public static string IdsPath(string outPath) => Sibling(outPath, ".ids.txt");

    /// <summary>The labels file of an output (Fashion-MNIST): <c>vectors.labels.txt</c>.</summary>
    public static string LabelsPath(string outPath) => Sibling(outPath, ".labels.txt");

    /// <summary>The failures file: <c>failures.csv</c> in the output's folder.</summary>
    public static string FailuresPath(string outPath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, "failures.csv");

    /// <summary>
    /// Writes the vectors of the items that succeeded (in source order) to <paramref name="outPath"/> (whose folder
    /// exists), their ids (<see cref="VectorIdsFile"/>: one per line, escaped), their labels when known, and every failure as <c>id,reason</c> CSV (header only when none failed).
    /// </summary>
    public static int Write(string outPath, EmbedSource source, EmbedOutcome outcome)
    {
        var ok = Enumerable.Range(0, source.Ids.Count).Where(i => outcome.Errors[i] is null).ToList();
        var dim = outcome.Dimension;
        var rows = new float[(long)ok.Count * dim];
        var vectors = outcome.Vectors ?? throw new ArgumentException("the embedding kept no vectors (keepVectors was false)", nameof(outcome));
        for (var r = 0; r < ok.Count; r++) vectors.AsSpan(ok[r] * dim, dim).CopyTo(rows.AsSpan(r * dim, dim));
        NpyFile.Write(outPath, rows, ok.Count, dim);
        VectorIdsFile.Write(IdsPath(outPath), ok.Select(i => source.Ids[i]));
        if (source.Labels is { } labels) File.WriteAllLines(LabelsPath(outPath), ok.Select(i => labels[i].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var failures = new StringBuilder("id,reason\n");
        for (var i = 0; i < source.Ids.Count; i++)
            if (outcome.Errors[i] is { } reason) failures.Append(Csv(source.Ids[i])).Append(',').Append(Csv(reason)).Append('\n');
        File.WriteAllText(FailuresPath(outPath), failures.ToString());
        return ok.Count;
    }

    private static string Sibling(string outPath, string suffix)
    {
        var full = Path.GetFullPath(outPath);
        var stem = Path.GetExtension(full).Equals(".npy", StringComparison.OrdinalIgnoreCase) ? full[..^4] : full;
        return stem + suffix;
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
