using System.Globalization;
using Elfs.Engine.IO;

namespace Elfs.Engine.Encoders;

/// <summary>
/// Vectors a team already has, keyed by item id: a CSV of <c>id,v1,...,vD</c> rows (an optional header line; an id
/// with commas, quotes or line breaks in double quotes), or a float32 .npy matrix with its ids in <c>NAME.ids.txt</c>
/// (see <see cref="VectorIdsFile"/>: what <c>elfs embed</c> writes, or plain one id per line).
/// </summary>
public sealed class PrecomputedVectors
{
    private readonly Dictionary<string, int> rowOf;

    private PrecomputedVectors(IReadOnlyList<string> ids, float[] vectors, int dimension, string fingerprint)
    {
        Ids = ids;
        Vectors = vectors;
        Dimension = dimension;
        Fingerprint = fingerprint;
        rowOf = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
            if (!rowOf.TryAdd(ids[i], i)) throw new InvalidDataException($"item id '{ids[i]}' appears twice (rows {rowOf[ids[i]] + 1} and {i + 1})");
    }

    /// <summary>Item ids in file order.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Ids.Count x Dimension, row-major.</summary>
    public float[] Vectors { get; }

    /// <summary>The vector length.</summary>
    public int Dimension { get; }

    /// <summary>Hash of the kind and the file bytes: changing the file changes it.</summary>
    public string Fingerprint { get; }

    /// <summary>The vector of <paramref name="id"/>, or empty when the file has none.</summary>
    public ReadOnlySpan<float> Get(string id) =>
        rowOf.TryGetValue(id, out var row) ? Vectors.AsSpan(row * Dimension, Dimension) : ReadOnlySpan<float>.Empty;

    /// <summary>Loads a .csv or .npy file (by extension); errors name the file, line and what is allowed.</summary>
    public static PrecomputedVectors Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"precomputed vectors file '{path}' does not exist", path);
        var fingerprint = EncoderFingerprint.Compute("precomputed", EncoderFingerprint.HashFile(path), 0, null, null);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => LoadCsv(path, fingerprint),
            ".npy" => LoadNpy(path, fingerprint),
            _ => throw new ArgumentException($"precomputed vectors file '{path}' must be .csv (id,v1,...,vD) or .npy (with NAME.ids.txt)"),
        };
    }

    private static PrecomputedVectors LoadCsv(string path, string fingerprint)
    {
        var ids = new List<string>();
        var values = new List<float>();
        var dimension = -1;
        var lineNumber = 0;
        var first = true;
        foreach (var (line, fields) in CsvRecords.Read(path))
        {
            lineNumber = line;
            if (fields is [""]) continue;
            var isFirst = first;
            first = false;
            if (isFirst && fields.Length > 1 && !float.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _)) continue;
            if (fields.Length < 2) throw new InvalidDataException($"{path} line {lineNumber}: expected id,v1,...,vD");
            if (dimension < 0) dimension = fields.Length - 1;
            if (fields.Length - 1 != dimension)
                throw new InvalidDataException($"{path} line {lineNumber}: {fields.Length - 1} values, but earlier rows have {dimension}");
            ids.Add(fields[0]);
            for (var j = 1; j < fields.Length; j++)
            {
                if (!float.TryParse(fields[j], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !float.IsFinite(v))
                    throw new InvalidDataException($"{path} line {lineNumber}, column {j + 1}: '{fields[j]}' is not a finite number");
                values.Add(v);
            }
        }
        if (ids.Count == 0) throw new InvalidDataException($"{path} holds no vectors");
        return new PrecomputedVectors(ids, [.. values], dimension, fingerprint);
    }

    private static PrecomputedVectors LoadNpy(string path, string fingerprint)
    {
        var idsPath = Path.ChangeExtension(path, ".ids.txt");
        if (!File.Exists(idsPath)) throw new FileNotFoundException($"'{path}' needs its item ids, one per line, in '{idsPath}'", idsPath);
        var (vectors, rows, dimension) = NpyFile.Read(path);
        var ids = VectorIdsFile.Read(idsPath);
        if (ids.Count != rows) throw new InvalidDataException($"'{path}' has {rows} rows but '{idsPath}' has {ids.Count} ids");
        return new PrecomputedVectors(ids, vectors, dimension, fingerprint);
    }
}
