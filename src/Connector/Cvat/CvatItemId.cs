using System.Globalization;

namespace Elfs.Connector.Cvat;

/// <summary>A pool frame's identity: CVAT task id and task-relative frame number, written <c>"task:frame"</c>.</summary>
/// <param name="TaskId">The pool task.</param>
/// <param name="Frame">The frame number inside the task (0-based).</param>
public readonly record struct CvatItemId(int TaskId, int Frame)
{
    /// <summary>The external id, e.g. <c>"12:40"</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{TaskId}:{Frame}");

    /// <summary>Parses an external id; false when it is not <c>"task:frame"</c> with a positive task and a frame ≥ 0.</summary>
    public static bool TryParse(string? text, out CvatItemId id)
    {
        id = default;
        var colon = text?.IndexOf(':') ?? -1;
        if (colon < 1) return false;
        if (!int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var task) || task < 1) return false;
        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var frame)) return false;
        id = new CvatItemId(task, frame);
        return true;
    }
}
