using System.Text;

namespace Elfs.Engine.Encoders;

/// <summary>
/// Reads CSV records (RFC 4180): a field in double quotes may hold commas, quotes (doubled) and line breaks; unquoted
/// fields are trimmed. Each record comes with the line it starts on (from 1); empty lines are skipped.
/// </summary>
public static class CsvRecords
{
    /// <summary>The records of <paramref name="path"/>; an unclosed quote throws <see cref="InvalidDataException"/> naming its line.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var wasQuoted = false;
        var empty = true;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                        field.Append((char)reader.Read());
                    else
                        quoted = false;
                }
                else
                {
                    if (c == '\n')
                        line++;
                    field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.ToString().Trim().Length == 0:
                    quoted = wasQuoted = true;
                    field.Clear();
                    empty = false;
                    break;
                case ',':
                    fields.Add(Take(field, wasQuoted));
                    wasQuoted = false;
                    empty = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (!empty || field.Length > 0)
                    {
                        fields.Add(Take(field, wasQuoted));
                        yield return (start, fields.ToArray());
                    }
                    fields.Clear();
                    (wasQuoted, empty) = (false, true);
                    start = ++line;
                    break;
                default:
                    field.Append((char)c);
                    empty = false;
                    break;
            }
        }
        if (quoted)
            throw new InvalidDataException($"{path} line {start}: a quoted field is never closed");
        if (!empty || field.Length > 0)
        {
            fields.Add(Take(field, wasQuoted));
            yield return (start, fields.ToArray());
        }
    }

    private static string Take(StringBuilder field, bool quoted)
    {
        var text = quoted ? field.ToString() : field.ToString().Trim();
        field.Clear();
        return text;
    }
}
