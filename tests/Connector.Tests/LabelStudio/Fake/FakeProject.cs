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
