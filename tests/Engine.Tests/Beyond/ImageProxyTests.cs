using Elfs.Engine.Dynamics;
using Elfs.Engine.Dynamics.Proxies;
using Elfs.Engine.Tests.Elfs;

namespace Elfs.Engine.Tests.Beyond;

public sealed class ImageProxyTests
{
    [Theory]
    [InlineData(ImageArchitecture.ResNet18, 3, 8)]
    [InlineData(ImageArchitecture.SmallCnn, 1, 12)]
    public void ForwardGivesBatchByClassesAndBackwardReachesEveryParameter(ImageArchitecture architecture, int channels, int size)
    {
        using var generator = new torch.Generator(1, torch.CPU);
        using var network = new ImageClassifier(architecture, channels, classes: 5, generator);
        using var scope = torch.NewDisposeScope();
        var x = torch.randn([2, channels, size, size], generator: generator);
        var logits = network.forward(x);
        Assert.Equal([2L, 5L], logits.shape);
        logits.sum().backward();
        var parameters = network.named_parameters().ToList();
        Assert.All(parameters, p => Assert.NotNull(p.parameter.grad));
        if (architecture == ImageArchitecture.ResNet18)
        {
            // 3x3 stem + 8 blocks x 2 convs + 3 projection shortcuts = 20 convs, each with its batch norm, and the linear head.
            Assert.Equal(20 * 3 + 2, parameters.Count);
            Assert.Equal([512L, 512L, 3L, 3L], parameters.Single(p => p.name == "features.8.conv2.conv.weight").parameter.shape);
            Assert.Equal([5L, 512L], parameters.Single(p => p.name == "fc.weight").parameter.shape);
        }
    }

    /// <summary>Top-half bright vs bottom-half bright images (a horizontal flip keeps the class), with 8 labels flipped.</summary>
    private static (byte[] Pixels, float[] Flat, int[] Labels, int[] Flipped) ToyImages(int count = 80, int size = 8)
    {
        var random = new Random(9);
        var pixels = new byte[count * size * size];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = i % 2;
            for (var r = 0; r < size; r++)
                for (var c = 0; c < size; c++)
                {
                    var bright = (r < size / 2) == (labels[i] == 0);
                    pixels[(i * size + r) * size + c] = (byte)((bright ? 180 : 40) + random.Next(40));
                }
        }
        var flipped = Enumerable.Range(0, 8).Select(k => k * 10 + 3).Where(i => i < count).ToArray();
        foreach (var i in flipped) labels[i] = 1 - labels[i];
        return (pixels, pixels.Select(p => p / 255f).ToArray(), labels, flipped);
    }

    private sealed class EpochCounter : IDynamicsObserver
    {
        public readonly Dictionary<int, List<int>> Seen = [];

        public void Observe(int epoch, ReadOnlySpan<int> items, Tensor logits)
        {
            Assert.Equal(items.Length, logits.size(0));
            if (!Seen.TryGetValue(epoch, out var list)) Seen[epoch] = list = [];
            list.AddRange(items.ToArray());
        }
    }

    [Fact]
    public void TrainingSeesEveryImageOncePerEpochAndLearnsTheToyClasses()
    {
        var (pixels, _, labels, flipped) = ToyImages();
        using var store = ImageStore.FromBytes(pixels, 80, 1, 8, 8);
        var settings = new ImageProxySettings { Architecture = ImageArchitecture.SmallCnn, Epochs = 8, Batch = 16, LearningRate = 0.05, CropPadding = 1 };
        var counter = new EpochCounter();
        var recorder = new TrainingDynamicsRecorder(labels);
        var before = LiveTensors.OnThisThread;
        new ImageProxyTrainer(store, settings, torch.CPU).Train(labels, 2, new CompositeObserver(counter, recorder), seed: 3);
        Assert.Equal(before, LiveTensors.OnThisThread);

        Assert.Equal(8, counter.Seen.Count);
        Assert.All(counter.Seen.Values, items => Assert.Equal(Enumerable.Range(0, 80), items.Order()));
        var scores = recorder.Scores();
        var clean = Enumerable.Range(0, 80).Except(flipped).ToArray();
        Assert.True(clean.Average(i => scores.Correctness[i]) > 5, "the clean toy images were not learned");
    }

    [Fact]
    public void ResNet18TakesTrainingStepsOnTinyImages()
    {
        var (pixels, _, labels, _) = ToyImages(count: 24);
        using var store = ImageStore.FromBytes(pixels, 24, 1, 8, 8);
        var counter = new EpochCounter();
        var recorder = new TrainingDynamicsRecorder(labels);
        var progress = new List<StageProgress>();
        new ImageProxyTrainer(store, new ImageProxySettings { Architecture = ImageArchitecture.ResNet18, Epochs = 2, Batch = 8, LearningRate = 0.01 }, torch.CPU)
            .Train(labels, 2, new CompositeObserver(counter, recorder), seed: 1, new SynchronousProgress(progress.Add));

        Assert.Equal(2, counter.Seen.Count);
        Assert.All(counter.Seen.Values, items => Assert.Equal(Enumerable.Range(0, 24), items.Order()));
        Assert.Equal(2, progress.Count);
        Assert.All(progress, p => Assert.True(float.IsFinite(float.Parse(p.Detail!.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture))));
        Assert.All(recorder.Scores().Aum, a => Assert.InRange(a, -2f, 2f));
    }

    [Fact]
    public void BothProxiesRankThePlantedFlippedLabelsHardest()
    {
        var (pixels, flat, labels, flipped) = ToyImages();
        using var store = ImageStore.FromBytes(pixels, 80, 1, 8, 8);
        var image = new TrainingDynamicsRecorder(labels);
        new ImageProxyTrainer(store, new ImageProxySettings { Architecture = ImageArchitecture.SmallCnn, Epochs = 8, Batch = 16, LearningRate = 0.05, CropPadding = 1 }, torch.CPU)
            .Train(labels, 2, image, seed: 3);
        var embedding = new TrainingDynamicsRecorder(labels);
        using (var x = torch.tensor(flat, [80, 64]))
            new MlpProxyTrainer(x, TestProfiles.Tiny with { ProxyEpochs = 8, ProxyBatch = 16, ProxyHiddenDim = 32, ProxyLearningRate = 0.05 })
                .Train(labels, 2, embedding, seed: 3);

        foreach (var scores in new[] { image.Scores(), embedding.Scores() })
        {
            var hardest = Enumerable.Range(0, 80).OrderBy(i => scores.Aum[i]).Take(flipped.Length).Order();
            Assert.Equal(flipped, hardest);
            Assert.All(flipped, i => Assert.True(scores.Aum[i] < 0, $"flipped item {i} has AUM {scores.Aum[i]}"));
        }
    }

    private sealed class CompositeObserver(params IDynamicsObserver[] observers) : IDynamicsObserver
    {
        public void Observe(int epoch, ReadOnlySpan<int> items, Tensor logits)
        {
            foreach (var o in observers) o.Observe(epoch, items, logits);
        }
    }

    [Fact]
    public void TheSelectorRunsTheImageProxyWhenAskedAndFillsTheBudget()
    {
        var (pixels, flat, _, _) = ToyImages();
        using var store = ImageStore.FromBytes(pixels, 80, 1, 8, 8);
        var options = new SelectionOptions { Clusters = 2, Fraction = 0.25, Beta = 0.1, Device = "cpu", Proxy = ProxyKind.Image, Images = store, Method = SelectionMethod.Elfs,
            DuplicateThreshold = null }; // the toy images are near-copies of each other; this test is about the proxy
        var profile = TestProfiles.Tiny with { KnnNeighbours = 8, ImageProxy = new ImageProxySettings { Architecture = ImageArchitecture.SmallCnn, Epochs = 3, Batch = 16, CropPadding = 1 } };
        var progress = new List<StageProgress>();
        var result = ElfsSelector.Select(flat, 80, 64, options, profile, new SynchronousProgress(progress.Add));

        Assert.Equal(20, result.Items.Count(i => i.Selected));
        Assert.Equal(3, progress.Count(p => p.Stage == "dynamics" && p.Detail!.StartsWith("image proxy loss", StringComparison.Ordinal)));
        Assert.All(result.Items, i => Assert.InRange(i.Aum, -3f, 3f));
    }

    private sealed class SynchronousProgress(Action<StageProgress> report) : IProgress<StageProgress>
    {
        public void Report(StageProgress value) => report(value);
    }

    [Fact]
    public void ImageStoreRejectsMismatchedSizesAndSelectorRejectsAMissingStore()
    {
        Assert.Throws<ArgumentException>(() => ImageStore.FromBytes(new byte[10], 1, 1, 3, 3));
        var m = GaussianMixture.Create(clusters: 2, dim: 4, perCluster: 10, ambiguous: 0);
        var options = new SelectionOptions { Clusters = 2, Fraction = 0.2, Device = "cpu", Proxy = ProxyKind.Image };
        Assert.Equal("Images", Assert.Throws<ArgumentException>(() => ElfsSelector.Select(m.Data, m.Rows, m.Dim, options, TestProfiles.Tiny)).ParamName);
    }
}
