namespace Elfs.Engine.Tests.Elfs;

/// <summary>Tiny explicit profiles that keep the test project fast on 2 cores.</summary>
public static class TestProfiles
{
    /// <summary>Enough to cluster the Gaussian mixture: 4 narrow heads, 30 TEMI epochs, 15 proxy epochs.</summary>
    public static ElfsProfile Small { get; } = new()
    {
        Name = "test-small",
        KnnNeighbours = 20,
        Heads = 4,
        TemiEpochs = 30,
        TemiBatch = 256,
        HiddenDim = 128,
        BottleneckDim = 64,
        TemiLearningRate = 1e-3,
        TemiMinLearningRate = 1e-3,
        TemiWarmupEpochs = 2,
        ProxyEpochs = 15,
        ProxyBatch = 256,
        ProxyHiddenDim = 128,
    };

    /// <summary>The smallest pipeline that still runs every stage (for determinism and plumbing tests).</summary>
    public static ElfsProfile Tiny { get; } = Small with { Name = "test-tiny", Heads = 2, TemiEpochs = 3, ProxyEpochs = 3, KnnNeighbours = 10 };
}
