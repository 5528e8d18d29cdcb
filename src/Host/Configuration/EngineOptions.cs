namespace Elfs.Host.Configuration;

/// <summary><c>Elfs:Engine</c>: where and how the selection engine computes.</summary>
public sealed class EngineOptions
{
    /// <summary><c>auto</c> (default: CUDA when present), <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public string Device { get; set; } = "auto";

    /// <summary>CPU threads for libtorch; 0 (default) = every core.</summary>
    public int Threads { get; set; }

    /// <summary>Engine settings profile: <c>cpu</c> (default, fast) or <c>paper</c> (the paper's settings, for GPUs).</summary>
    public string Profile { get; set; } = "cpu";

    /// <summary>Seed of every random choice; the same seed and data give the same queue. Default 0.</summary>
    public ulong Seed { get; set; }

    /// <summary>Epochs of TEMI clustering; empty (default) = the profile's. Fewer is faster and coarser.</summary>
    public int? ClusteringEpochs { get; set; }

    /// <summary>Epochs of the proxy training that measures difficulty; empty (default) = the profile's.</summary>
    public int? ProxyEpochs { get; set; }

    /// <summary>Images decoded and encoded per batch. Default 64.</summary>
    public int EncodeBatchSize { get; set; } = 64;
}
