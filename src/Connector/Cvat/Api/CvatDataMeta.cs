namespace Elfs.Connector.Cvat.Api;

/// <summary><c>DataMetaRead</c>: a task's frame list, deleted frames and where its images are stored.</summary>
internal sealed class CvatDataMeta
{
    public int? Size { get; set; }
    public List<CvatFrameMeta>? Frames { get; set; }
    public List<int>? DeletedFrames { get; set; }
    public List<int>? IncludedFrames { get; set; }

    /// <summary><c>local</c>, <c>share</c> or <c>cloud_storage</c>.</summary>
    public string? Storage { get; set; }

    public int? CloudStorageId { get; set; }
}
