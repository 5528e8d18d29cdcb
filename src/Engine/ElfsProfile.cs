namespace Elfs.Engine;

/// <summary>
/// Every hyperparameter of the ELFS pipeline. <see cref="Paper"/> is the reference's README run (elfs-spec §3.9, §4.1);
/// <see cref="Cpu"/> is reduced (fewer heads and epochs, narrower heads) so 60,000 items finish on 2 cores in about
/// 10 minutes. Tests and benchmarks pass explicit profiles through <see cref="ElfsSelector.Select(ReadOnlyMemory{float}, int, int, SelectionOptions, ElfsProfile, IProgress{StageProgress}?, CancellationToken)"/>.
/// </summary>
public sealed record ElfsProfile
{
    /// <summary>Profile name, reported in results.</summary>
    public required string Name { get; init; }

    /// <summary>Neighbours per item in the kNN graph (TEMI draws its pairs from these).</summary>
    public int KnnNeighbours { get; init; } = 50;

    /// <summary>Number of TEMI heads H trained side by side.</summary>
    public int Heads { get; init; } = 50;

    /// <summary>TEMI epochs.</summary>
    public int TemiEpochs { get; init; } = 200;

    /// <summary>TEMI batch of anchors (each with one neighbour, so 2× rows per step); the last partial batch is dropped.</summary>
    public int TemiBatch { get; init; } = 1024;

    /// <summary>Width of the first hidden layer of each head.</summary>
    public int HiddenDim { get; init; } = 512;

    /// <summary>Width of the L2-normalised bottleneck of each head.</summary>
    public int BottleneckDim { get; init; } = 256;

    /// <summary>AdamW learning rate per 256 anchors (scaled by batch/256, linear scaling rule).</summary>
    public double TemiLearningRate { get; init; } = 1e-4;

    /// <summary>Final learning rate per 256 anchors of the cosine schedule after warm-up.</summary>
    public double TemiMinLearningRate { get; init; } = 1e-4;

    /// <summary>Linear warm-up epochs of the TEMI learning rate.</summary>
    public int TemiWarmupEpochs { get; init; } = 20;

    /// <summary>AdamW weight decay for weights (biases get none).</summary>
    public double TemiWeightDecay { get; init; } = 1e-4;

    /// <summary>EMA momentum of the teacher.</summary>
    public double TeacherMomentum { get; init; } = 0.996;

    /// <summary>Student and teacher softmax temperature.</summary>
    public double Temperature { get; init; } = 0.1;

    /// <summary>TEMI's β exponent on (q·p).</summary>
    public double TemiBeta { get; init; } = 0.6;

    /// <summary>Momentum of the cluster-prior running mean.</summary>
    public double PriorMomentum { get; init; } = 0.9;

    /// <summary>Proxy classifier epochs (training dynamics are recorded in every epoch).</summary>
    public int ProxyEpochs { get; init; } = 200;

    /// <summary>Proxy classifier batch size (no drop-last: every item is seen once per epoch).</summary>
    public int ProxyBatch { get; init; } = 256;

    /// <summary>Hidden width of the MLP proxy.</summary>
    public int ProxyHiddenDim { get; init; } = 512;

    /// <summary>Proxy SGD peak learning rate (Nesterov momentum 0.9, cosine per iteration).</summary>
    public double ProxyLearningRate { get; init; } = 0.1;

    /// <summary>Proxy cosine schedule's final learning rate.</summary>
    public double ProxyMinLearningRate { get; init; } = 1e-4;

    /// <summary>Proxy SGD weight decay.</summary>
    public double ProxyWeightDecay { get; init; } = 5e-4;

    /// <summary>EL2N is summed over this many first proxy epochs.</summary>
    public int El2nEpochs { get; init; } = 10;

    /// <summary>Number of equal-width AUM strata for CCS.</summary>
    public int CcsBins { get; init; } = 50;

    /// <summary>Lloyd iterations of the k-means used by the prototypicality baseline.</summary>
    public int KMeansIterations { get; init; } = 50;

    /// <summary>The reference's README run: 50 heads, 200 epochs, batch 1024, kNN 50, 200 proxy epochs.</summary>
    public static ElfsProfile Paper { get; } = new() { Name = "paper" };

    /// <summary>Sized for 60,000 × 256 on 2 CPU cores in about 10 minutes (see benchmarks/results/engine.md).</summary>
    public static ElfsProfile Cpu { get; } = new()
    {
        Name = "cpu",
        Heads = 8,
        TemiEpochs = 40,
        HiddenDim = 256,
        BottleneckDim = 128,
        TemiLearningRate = 2.5e-4,
        TemiMinLearningRate = 1e-4,
        TemiWarmupEpochs = 4,
        ProxyEpochs = 40,
    };

    /// <summary>Resolves a named profile; throws <see cref="ArgumentException"/> naming the option for an unknown name.</summary>
    public static ElfsProfile FromName(string name) => name.Trim().ToLowerInvariant() switch
    {
        "paper" => Paper,
        "cpu" => Cpu,
        _ => throw new ArgumentException($"profile '{name}' is not known; allowed: paper, cpu", "Profile"),
    };
}
