namespace Elfs.Connector;

/// <summary>An item of a labeling project.</summary>
/// <param name="ExternalId">The tool's id for the item (Label Studio task id; CVAT "task:frame").</param>
/// <param name="ImageRef">Where the image is, as the tool names it (URL, path or frame reference).</param>
/// <param name="IsLabeled">Whether the item already has a finished annotation.</param>
/// <param name="UpdatedAt">When the tool last changed the item, when it says.</param>
public sealed record SourceItem(string ExternalId, string ImageRef, bool IsLabeled, DateTimeOffset? UpdatedAt);
