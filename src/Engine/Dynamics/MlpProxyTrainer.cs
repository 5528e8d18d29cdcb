using Elfs.Engine.Training;

namespace Elfs.Engine.Dynamics;

/// <summary>
/// The proxy for embeddings: a one-hidden-layer MLP (standardised input → hidden → ReLU → K) trained with SGD
/// (Nesterov momentum 0.9, weight decay, cosine per iteration, clamped at the horizon), shuffled batches without
/// drop-last so every item is seen once per epoch (elfs-spec §4.1, §9.12).
/// </summary>
public sealed class MlpProxyTrainer : IProxyTrainer
{
    private readonly Tensor embeddings;
    private readonly ElfsProfile profile;

    /// <summary>Creates a proxy over rows × D embeddings already on the compute device.</summary>
    public MlpProxyTrainer(Tensor embeddings, ElfsProfile profile)
    {
        this.embeddings = embeddings;
        this.profile = profile;
    }

    /// <inheritdoc />
    public int Epochs => profile.ProxyEpochs;

    /// <inheritdoc />
    public void Train(int[] labels, int classes, IDynamicsObserver observer, ulong seed, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var rows = (int)embeddings.size(0);
        var dim = embeddings.size(1);
        var device = embeddings.device;
        var batch = Math.Min(profile.ProxyBatch, rows);
        var iterationsPerEpoch = (rows + batch - 1) / batch;
        var totalIterations = Epochs * iterationsPerEpoch;
        using var generator = new torch.Generator(SeedStreams.Derive(seed, "proxy-init"), torch.CPU);
        using var hidden = Init.Linear(dim, profile.ProxyHiddenDim, generator);
        using var output = Init.Linear(profile.ProxyHiddenDim, classes, generator);
        hidden.to(device);
        output.to(device);
        using var x = Standardize(embeddings).DetachFromDisposeScope();
        using var y = torch.tensor(labels.Select(l => (long)l).ToArray(), [rows]).to(device).DetachFromDisposeScope();
        using var optimizer = torch.optim.SGD(hidden.parameters().Concat(output.parameters()), profile.ProxyLearningRate,
            momentum: 0.9, weight_decay: profile.ProxyWeightDecay, nesterov: true);
        var random = SeedStreams.Random(seed, "proxy-order");
        var items = new long[batch];
        var itemInts = new int[batch];
        var step = 0;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            var order = SeedStreams.Permutation(rows, random);
            double lossSum = 0;
            for (var start = 0; start < rows; start += batch, step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(batch, rows - start);
                for (var i = 0; i < count; i++) items[i] = itemInts[i] = order[start + i];
                using var scope = torch.NewDisposeScope();
                var index = TensorData.FromSpan<long>(items.AsSpan(0, count), [count]).to(device);
                var logits = output.forward(hidden.forward(x.index_select(0, index)).relu());
                observer.Observe(epoch, itemInts.AsSpan(0, count), logits.detach());
                var loss = torch.nn.functional.cross_entropy(logits, y.index_select(0, index));
                optimizer.zero_grad();
                loss.backward();
                optimizer.SetLearningRate(LearningRateSchedule.Cosine(profile.ProxyLearningRate, profile.ProxyMinLearningRate, step, totalIterations));
                optimizer.step();
                lossSum += loss.item<float>();
            }
            progress?.Report(new StageProgress("dynamics", epoch + 1, Epochs, $"loss {lossSum / iterationsPerEpoch:F4}"));
        }
    }

    private static Tensor Standardize(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var mean = x.mean([0], keepdim: true);
        var std = x.var(0, unbiased: false, keepdim: true).sqrt().clamp_min(1e-6);
        return scope.MoveToOuter((x - mean) / std);
    }
}
