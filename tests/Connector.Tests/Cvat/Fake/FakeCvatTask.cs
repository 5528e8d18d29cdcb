namespace Elfs.Connector.Tests.Cvat.Fake;

/// <summary>A task of the fake CVAT: its frames (name and bytes), deleted frames, storage and upload state.</summary>
public sealed class FakeCvatTask
{
    public int Id { get; init; }
    public string Name { get; set; } = "";
    public int? ProjectId { get; init; }
    public int SegmentSize { get; set; }
    public List<(string Name, byte[] Bytes)> Frames { get; } = [];
    public HashSet<int> Deleted { get; } = [];
    public string Storage { get; set; } = "local";
    public int? CloudStorageId { get; set; }
    public bool IsVideo { get; set; }
    public DateTimeOffset Updated { get; set; } = DateTimeOffset.Parse("2026-11-01T10:00:00Z");
    public int? GuideId { get; set; }
    public string? Guide { get; set; }

    /// <summary>Set once Upload-Start arrived.</summary>
    public bool UploadStarted { get; set; }

    /// <summary>Files received by Upload-Multiple, by name, in arrival order.</summary>
    public List<(string Name, byte[] Bytes)> Uploaded { get; } = [];

    /// <summary>The creation request once data was submitted.</summary>
    public string? RequestId { get; set; }

    /// <summary>Frame requests seen (the first one is answered 429 when the fake prepares chunks).</summary>
    public int FrameRequests { get; set; }

    public bool HasData => Frames.Count > 0;
}
