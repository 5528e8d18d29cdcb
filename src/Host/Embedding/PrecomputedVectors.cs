using System.Globalization;
using Elfs.Engine.Encoders;
using Elfs.Engine.IO;

namespace Elfs.Host.Embedding;

/// <summary>
/// Vectors a team already has, keyed by item id: a <c>.npy</c> matrix with a <c>.ids.txt</c> beside it (one id per
/// row, same order, as <see cref="VectorIdsFile"/> reads it; for <c>vectors.npy</c> either <c>vectors.ids.txt</c> or
/// <c>vectors.npy.ids.txt</c>), or a <c>.csv</c> whose first column is the id (in double quotes when it holds commas,
/// quotes or line breaks) and the rest the vector (an optional header line is skipped).
/// </summary>
public static class PrecomputedVectors
{
    /// <summary>Reads the file into id → vector; throws <see cref="InvalidDataException"/> naming the file and line.</summary>
    public static (IReadOnlyDictionary<string, float[]> Vectors, int Dimension) Load(string path)
    {
        return Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? LoadCsv(path) : LoadNpy(path);
    }

    private static (IReadOnlyDictionary<string, float[]>, int) LoadNpy(string path)
    {
        var matrix = NpyFile.Read(path);
        var idsPath = new[] { Path.ChangeExtension(path, ".ids.txt"), path + ".ids.txt" }.FirstOrDefault(File.Exists)
                      ?? throw new InvalidDataException($"{path}: the ids file {Path.ChangeExtension(path, ".ids.txt")} is missing (one item id per row)");
        var ids = VectorIdsFile.Read(idsPath);
        if (ids.Count != matrix.Rows)
            throw new InvalidDataException($"{idsPath}: {ids.Count} ids for {matrix.Rows} rows in {path}");
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
            vectors[ids[i]] = matrix.Data.AsSpan(i * matrix.Cols, matrix.Cols).ToArray();
        return (vectors, matrix.Cols);
    }

    private static (IReadOnlyDictionary<string, float[]>, int) LoadCsv(string path)
    {
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var dim = -1;
        var first = true;
        foreach (var (lineNumber, parts) in CsvRecords.Read(path))
        {
            if (parts is [""])
                continue;
            var isFirst = first;
            first = false;
            var values = new float[parts.Length - 1];
            var numeric = parts.Length > 1;
            for (var j = 1; j < parts.Length && numeric; j++)
                numeric = float.TryParse(parts[j], NumberStyles.Float, CultureInfo.InvariantCulture, out values[j - 1]);
            if (!numeric)
            {
                if (isFirst)
                    continue;
                throw new InvalidDataException($"{path}:{lineNumber}: expected id,value,value,... with numbers after the id");
            }
            if (dim >= 0 && values.Length != dim)
                throw new InvalidDataException($"{path}:{lineNumber}: {values.Length} values where earlier lines have {dim}");
            dim = values.Length;
            vectors[parts[0]] = values;
        }
        if (dim < 1)
            throw new InvalidDataException($"{path}: no vectors");
        return (vectors, dim);
    }
}
