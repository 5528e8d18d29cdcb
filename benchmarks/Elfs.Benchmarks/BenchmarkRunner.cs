namespace Elfs.Benchmarks;

/// <summary>Dispatches <c>dotnet run --project benchmarks/Elfs.Benchmarks -c Release -- NAME [options]</c>.</summary>
internal static class BenchmarkRunner
{
    private static readonly Dictionary<string, (string Description, Func<string[], int> Run)> Benchmarks = new()
    {
        ["cvat"] = ("CVAT connector vs a loopback fake: sync of 50,000 frames in 50 tasks, push of 5,000 frames", CvatBenchmark.Run),
        ["label-studio"] = ("sync of 100,000 tasks and push of 100,000 predictions against the fake Label Studio on loopback", LabelStudioBenchmark.Run),
        ["encoder-quality"] = ("Weight-free encoder candidates on Fashion-MNIST: 20-NN agreement, k-means ACC/NMI", EncoderQualityBenchmark.Run),
        ["embed-cache"] = ("Decode+embed images/s of the built-in encoder on Fashion-MNIST PNGs: no cache, cold and warm SQLite cache", EmbedCacheBenchmark.Run),
        ["photo-encoders"] = ("Issue 14: resnet18 inference options vs the GEMM-bound rate, cold/warm images/s, Fashion-MNIST 20-NN agreement vs builtin", PhotoEncoderBenchmark.Run),
        ["decode"] = ("Decode + preprocess images/s on photo-sized JPEG and PNG files (to 3x224x224)", DecodeBenchmark.Run),
        ["beyond"] = ("Issue 8 on Fashion-MNIST: duplicates | beta | proxy (near-duplicate threshold, beta auto, image proxy)", Beyond.BeyondBenchmark.Run),
        ["elfs-synthetic"] = ("ELFS on a Gaussian mixture: timings, pseudo-label accuracy, AUM of ambiguous points", Engine.SyntheticSelectBenchmark.Run),
        ["knn-speed"] = ("kNN graph GFLOP/s vs the binding's GEMM GFLOP/s (N=60,000, d=256,768)", Engine.KnnSpeedBenchmark.Run),
        ["temi-speed"] = ("TEMI seconds/epoch at N=60,000, d=256, batch 1024 for 1 and 50 heads", Engine.TemiSpeedBenchmark.Run),
        ["select-e2e"] = ("End-to-end ElfsSelector.Select on 60,000 x 256 for a profile; peak memory", Engine.EndToEndSelectBenchmark.Run),
        ["fashion-quality"] = ("Fashion-MNIST pseudo-label accuracy and NMI (PCA-128 embeddings)", Engine.FashionQualityBenchmark.Run),
        ["quality"] = ("Issue 15: queue quality vs budget on Fashion-MNIST (CNN on true labels of each selection), table + chart", Quality.QualityBenchmark.Run),
        ["runpath-memory"] = ("Issue 13: peak RSS of a LocalFolder run over N synthetic PNGs (--generate first; see benchmarks/runpath-memory.sh)", RunPathMemoryBenchmark.Run),
        ["fashion-pruning"] = ("Fashion-MNIST pruning-rate table: small CNN on each method's selection, true labels", Engine.FashionPruningBenchmark.Run),
    };

    public static int Run(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var benchmark))
        {
            Console.Error.WriteLine("usage: Elfs.Benchmarks NAME [options]; NAME is one of:");
            foreach (var (name, (description, _)) in Benchmarks) Console.Error.WriteLine($"  {name,-12} {description}");
            return 2;
        }
        return benchmark.Run(args[1..]);
    }
}
