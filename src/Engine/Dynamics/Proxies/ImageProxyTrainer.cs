using Elfs.Engine.Training;

namespace Elfs.Engine.Dynamics.Proxies;

/// <summary>
/// The paper's proxy: a CNN trained from scratch on the images with the pseudo-labels, reporting every batch's
/// training-mode logits (augmented views, before the optimiser step) to the same recorder as the embedding proxy.
/// Every item is seen once per epoch (shuffled, no drop-last).
/// </summary>
public sealed class ImageProxyTrainer : IProxyTrainer
{
    private readonly ImageStore images;
    private readonly ImageProxySettings settings;
    private readonly Device device;

    /// <summary>Creates a proxy over <paramref name="images"/>, trained on <paramref name="device"/>.</summary>
    public ImageProxyTrainer(ImageStore images, ImageProxySettings settings, Device device)
    {
        this.images = images;
        this.settings = settings;
        this.device = device;
    }

    /// <inheritdoc />
    public int Epochs => settings.Epochs;

    /// <inheritdoc />
    public void Train(int[] labels, int classes, IDynamicsObserver observer, ulong seed, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var rows = images.Count;
        if (labels.Length != rows) throw new ArgumentException($"{labels.Length} labels for {rows} images", nameof(labels));
        var batch = Math.Min(settings.Batch, rows);
        var iterationsPerEpoch = (rows + batch - 1) / batch;
        var totalIterations = Epochs * iterationsPerEpoch;
        using var generator = new torch.Generator(SeedStreams.Derive(seed, "image-proxy-init"), torch.CPU);
        using var network = new ImageClassifier(settings.Architecture, images.Channels, classes, generator);
        network.to(device);
        network.train();
        using var y = Targets(labels, device);
        using var optimizer = torch.optim.SGD(network.parameters(), settings.LearningRate, momentum: 0.9, weight_decay: settings.WeightDecay, nesterov: true);
        var order = SeedStreams.Random(seed, "image-proxy-order");
        var augment = SeedStreams.Random(seed, "image-proxy-augment");
        var items = new long[batch];
        var itemInts = new int[batch];
        var step = 0;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            var permutation = SeedStreams.Permutation(rows, order);
            double lossSum = 0;
            for (var start = 0; start < rows; start += batch, step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(batch, rows - start);
                for (var i = 0; i < count; i++) items[i] = itemInts[i] = permutation[start + i];
                using var scope = torch.NewDisposeScope();
                var x = ImageAugmentation.Apply(images.Batch(items.AsSpan(0, count), device), settings.CropPadding, settings.Flip, augment);
                var logits = network.forward(x);
                observer.Observe(epoch, itemInts.AsSpan(0, count), logits.detach());
                var loss = torch.nn.functional.cross_entropy(logits, y.index_select(0, TensorData.FromSpan<long>(items.AsSpan(0, count), [count]).to(device)));
                optimizer.zero_grad();
                loss.backward();
                optimizer.SetLearningRate(LearningRateSchedule.Cosine(settings.LearningRate, settings.MinLearningRate, step, totalIterations));
                optimizer.step();
                lossSum += loss.item<float>();
            }
            progress?.Report(new StageProgress("dynamics", epoch + 1, Epochs, $"image proxy loss {lossSum / iterationsPerEpoch:F4}"));
        }
    }

    private static Tensor Targets(int[] labels, Device device)
    {
        using var cpu = torch.tensor(labels.Select(l => (long)l).ToArray(), [labels.Length]);
        return cpu.to(device).DetachFromDisposeScope();
    }
}
