namespace Elfs.Connector.Cvat.Api;

/// <summary><c>FrameMeta</c>: one frame's original name (relative path or cloud key) and size.</summary>
internal sealed class CvatFrameMeta
{
    public string Name { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
}
