namespace Elfs.Connector.Tests.LabelStudio.Fake;

/// <summary>The fake's project settings (the OSS fields the connector reads and writes).</summary>
public sealed class FakeProject
{
    public int Id { get; init; } = 7;
    public string Title { get; set; } = "Fashion";
    public string LabelConfig { get; set; } =
        """<View><Image name="img" value="$image"/><Choices name="label" toName="img"><Choice value="a"/><Choice value="b"/><Choice value="c"/></Choices></View>""";
    public string Sampling { get; set; } = "Sequential sampling";
    public string? ModelVersion { get; set; } = "";
    public bool ShowCollabPredictions { get; set; } = true;
    public int MaximumAnnotations { get; set; } = 1;
    public bool ShowOverlapFirst { get; set; }
}

/// <summary>A task: its image reference under <c>data.image</c>, whether it is labeled, who annotated or holds its lock.</summary>
public sealed class FakeTask
{
    public required long Id { get; init; }
    public required string Image { get; set; }
    public bool IsLabeled { get; set; }
    public DateTimeOffset UpdatedAt { get; set; } = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    public HashSet<int> AnnotatedBy { get; } = [];
    public int? LockedBy { get; set; }
}

/// <summary>A stored prediction. <c>Cluster</c> stays null for bulk imports, as in Label Studio 1.22.</summary>
public sealed record FakePrediction(long Id, long Task, double? Score, string ModelVersion, int? Cluster, string ResultJson);

/// <summary>
/// A fault to inject: the next <paramref name="Times"/> requests whose method and path start match get
/// <paramref name="Status"/> (with Retry-After when set), or wait <paramref name="Delay"/> first, or (Malformed)
/// a 200 with a truncated JSON body; the first <paramref name="Skip"/> matching requests pass untouched. AfterHandling: the request is processed, then its answer is
/// replaced by <paramref name="Status"/> (a gateway losing the answer to work that was done).
/// </summary>
public sealed record FakeFault(string Method, string PathStart, int Times, int Status = 500, TimeSpan? RetryAfter = null,
    TimeSpan? Delay = null, bool Malformed = false, int Skip = 0, bool AfterHandling = false)
{
    public int Remaining { get; set; } = Times;
    public int ToSkip { get; set; } = Skip;
}
