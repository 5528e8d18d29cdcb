using System.Globalization;
using Elfs.Engine.IO;

namespace Elfs.Host.Cli;

/// <summary>Reads a numbers-only CSV (one row per item, comma-separated, no header) into a float32 matrix.</summary>
public static class CsvMatrixReader
{
    /// <summary>Reads the file; throws <see cref="InvalidDataException"/> naming the 1-based line of a ragged or non-numeric row.</summary>
    public static NpyMatrix Read(string path)
    {
        var values = new List<float>();
        var cols = -1;
        var rows = 0;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split(',');
            if (cols < 0) cols = fields.Length;
            else if (fields.Length != cols)
                throw new InvalidDataException($"{path}: line {lineNumber} (row {rows}) has {fields.Length} values but the first row has {cols}: the CSV is ragged");
            for (var c = 0; c < fields.Length; c++)
            {
                if (!TryParse(fields[c].Trim(), out var v))
                    throw new InvalidDataException($"{path}: line {lineNumber} (row {rows}), column {c} is '{fields[c].Trim()}', not a number (the CSV must hold numbers only, no header)");
                values.Add(v);
            }
            rows++;
        }
        if (rows == 0) throw new InvalidDataException($"{path}: the CSV has no rows");
        return new NpyMatrix([.. values], rows, cols);
    }

    // NumPy's savetxt writes inf/-inf/nan; accept them here so the selector can name the row that holds them.
    private static bool TryParse(string text, out float value)
    {
        switch (text.ToLowerInvariant())
        {
            case "inf" or "+inf": value = float.PositiveInfinity; return true;
            case "-inf": value = float.NegativeInfinity; return true;
            case "nan" or "-nan": value = float.NaN; return true;
            default: return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
