namespace Elfs.Host.Runs;

/// <summary>The settings a run was started with; a resumed run keeps them even if the configuration changed since.</summary>
public sealed record RunParameters
{
    /// <summary>The tool kind.</summary>
    public required string Tool { get; init; }

    /// <summary>The budget as configured (count or fraction).</summary>
    public required string Budget { get; init; }

    /// <summary>Hard-prune ratio β.</summary>
    public required double Beta { get; init; }

    /// <summary>Whether β is chosen per run by the engine's label-free search.</summary>
    public bool BetaAuto { get; init; }

    /// <summary>Near-duplicate cosine threshold; 0 = off.</summary>
    public double DuplicateThreshold { get; init; } = Elfs.Engine.Selection.NearDuplicates.DefaultThreshold;

    /// <summary>Configured K, if any (else the tool's class count).</summary>
    public int? Clusters { get; init; }

    /// <summary>Encoder kind.</summary>
    public required string Encoder { get; init; }

    /// <summary>Encoder file, if any.</summary>
    public string? EncoderPath { get; init; }

    /// <summary>Encoder input size override, if any.</summary>
    public int? EncoderInputSize { get; init; }

    /// <summary>Encoder mean/std, channel order and output settings (ONNX, TorchScript), if any; null in runs recorded before they existed.</summary>
    public EncoderPreprocessing? EncoderPreprocessing { get; init; }

    /// <summary>
    /// Where the tool reads and writes, by setting name (Url, ProjectId, PoolProjectId, AnnotationProjectId, Folder,
    /// OutputPath; only those set). Null in runs recorded before it was kept.
    /// </summary>
    public Dictionary<string, string>? ToolTarget { get; init; }

    /// <summary>Requested device.</summary>
    public required string Device { get; init; }

    /// <summary>Engine profile.</summary>
    public required string Profile { get; init; }

    /// <summary>TEMI epochs override, if any.</summary>
    public int? ClusteringEpochs { get; init; }

    /// <summary>Proxy-training epochs override, if any.</summary>
    public int? ProxyEpochs { get; init; }

    /// <summary>Seed.</summary>
    public required ulong Seed { get; init; }
}
