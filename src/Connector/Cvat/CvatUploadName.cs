using System.Globalization;
using System.Text.RegularExpressions;

namespace Elfs.Connector.Cvat;

/// <summary>
/// The file name a re-uploaded frame gets in a batch task, <c>t&lt;task&gt;_f&lt;frame&gt;_&lt;name&gt;</c>: unique, safe,
/// keeping the original extension (CVAT detects the type from it), and naming the pool frame it came from.
/// </summary>
internal static partial class CvatUploadName
{
    public static string Format(CvatItemId id, string name)
    {
        var baseName = Path.GetFileName(name.Replace('\\', '/'));
        var safe = new string(baseName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        if (safe.Length > 200) safe = safe[^200..];
        return $"t{id.TaskId}_f{id.Frame}_{safe}";
    }

    /// <summary>The pool frame an upload name came from; false for any other name.</summary>
    public static bool TryParse(string fileName, out CvatItemId id)
    {
        id = default;
        var match = Pattern().Match(fileName);
        if (!match.Success
            || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var task)
            || !int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var frame)
            || task < 1)
            return false;
        id = new CvatItemId(task, frame);
        return true;
    }

    [GeneratedRegex("^t([0-9]{1,9})_f([0-9]{1,9})_")]
    private static partial Regex Pattern();
}
