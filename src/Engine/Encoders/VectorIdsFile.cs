using System.Text;

namespace Elfs.Engine.Encoders;

/// <summary>
/// The item ids of a vectors file, one row each (<c>NAME.ids.txt</c> beside <c>NAME.npy</c>). Written with a first line
/// <see cref="Header"/> and each id escaped (<c>\\</c>, <c>\n</c>, <c>\r</c>), so an id holding a line break still takes one
/// line; a file without the header is read the old way, one id per non-empty line.
/// </summary>
public static class VectorIdsFile
{
    /// <summary>The first line of an escaped ids file.</summary>
    public const string Header = "#elfs-ids v2: one id per line, backslash escapes \\\\ \\n \\r";

    /// <summary>Writes <paramref name="ids"/> to <paramref name="path"/> (UTF-8, escaped, with the header).</summary>
    public static void Write(string path, IEnumerable<string> ids)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        writer.WriteLine(Header);
        foreach (var id in ids)
            writer.WriteLine(Escape(id));
    }

    /// <summary>Reads the ids of <paramref name="path"/>; a bad escape throws <see cref="InvalidDataException"/> naming the line.</summary>
    public static IReadOnlyList<string> Read(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        if (lines.Length == 0 || !lines[0].StartsWith("#elfs-ids", StringComparison.Ordinal))
            return lines.Where(l => l.Length > 0).ToList();
        if (lines[0] != Header)
            throw new InvalidDataException($"{path} line 1: '{lines[0]}' is not a known ids format; expected '{Header}'");
        var ids = new List<string>(lines.Length - 1);
        for (var i = 1; i < lines.Length; i++)
            ids.Add(Unescape(lines[i], path, i + 1));
        return ids;
    }

    /// <summary>The id with <c>\</c>, line feed and carriage return escaped.</summary>
    public static string Escape(string id) =>
        id.IndexOfAny(['\\', '\n', '\r']) < 0 ? id : id.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private static string Unescape(string line, string path, int lineNumber)
    {
        if (!line.Contains('\\', StringComparison.Ordinal))
            return line;
        var sb = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '\\')
            {
                sb.Append(line[i]);
                continue;
            }
            sb.Append(++i < line.Length ? line[i] switch
            {
                '\\' => '\\',
                'n' => '\n',
                'r' => '\r',
                var other => throw new InvalidDataException($"{path} line {lineNumber}: '\\{other}' is not an escape (allowed: \\\\ \\n \\r)"),
            } : throw new InvalidDataException($"{path} line {lineNumber}: the line ends in a lone '\\'"));
        }
        return sb.ToString();
    }
}
