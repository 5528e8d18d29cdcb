namespace Elfs.Host.Configuration;

/// <summary>The labeling tools a project can use.</summary>
public enum ToolKind
{
    /// <summary>A folder of images in, queue.csv/queue.json out (the embedded default).</summary>
    LocalFolder,

    /// <summary>Label Studio, through its REST API.</summary>
    LabelStudio,

    /// <summary>CVAT, through its REST API.</summary>
    Cvat,
}
