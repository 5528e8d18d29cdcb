using Elfs.Engine.Training;

namespace Elfs.Engine.Selection;

/// <summary>
/// Trains a small MLP on a subset of the items with given labels and reports its accuracy on other items against their
/// labels. Used with pseudo-labels by <see cref="BetaSearch"/>, and with true labels by the benchmarks.
/// </summary>
public static class PseudoLabelProbe
{
    /// <summary>Accuracy in [0, 1] on <paramref name="evaluate"/> of a probe trained on <paramref name="train"/>.</summary>
    /// <param name="embeddings">rows × dim embeddings on the compute device (standardised here with the training rows' statistics).</param>
    /// <param name="labels">Label per item, in [0, classes).</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="train">Items to train on.</param>
    /// <param name="evaluate">Items to score.</param>
    /// <param name="settings">Probe size and schedule.</param>
    /// <param name="seed">Seed of the initialisation and batch order.</param>
    /// <param name="cancellationToken">Checked every step.</param>
    public static double TrainAndScore(Tensor embeddings, IReadOnlyList<int> labels, int classes, int[] train, int[] evaluate,
        ProbeSettings settings, ulong seed, CancellationToken cancellationToken = default)
    {
        if (train.Length == 0 || evaluate.Length == 0) throw new ArgumentException("the probe needs at least one training and one evaluation item", nameof(train));
        var device = embeddings.device;
        using var scope = torch.NewDisposeScope();
        var trainX = embeddings.index_select(0, Indices(train, device));
        var mean = trainX.mean([0], keepdim: true);
        var std = trainX.var(0, unbiased: false, keepdim: true).sqrt().clamp_min(1e-6);
        var x = (trainX - mean) / std;
        var y = torch.tensor(train.Select(i => (long)labels[i]).ToArray(), [train.Length]).to(device);
        using var generator = new torch.Generator(SeedStreams.Derive(seed, "probe-init"), torch.CPU);
        using var hidden = Init.Linear(embeddings.size(1), settings.Hidden, generator);
        using var output = Init.Linear(settings.Hidden, classes, generator);
        hidden.to(device);
        output.to(device);
        using var optimizer = torch.optim.SGD(hidden.parameters().Concat(output.parameters()), settings.LearningRate,
            momentum: 0.9, weight_decay: settings.WeightDecay, nesterov: true);
        var random = SeedStreams.Random(seed, "probe-order");
        var batch = Math.Min(settings.Batch, train.Length);
        var perEpoch = (train.Length + batch - 1) / batch;
        var total = settings.Epochs * perEpoch;
        var step = 0;
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            var order = SeedStreams.Permutation(train.Length, random);
            for (var start = 0; start < train.Length; start += batch, step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var stepScope = torch.NewDisposeScope();
                var index = Indices(order.AsSpan(start, Math.Min(batch, train.Length - start)).ToArray(), device);
                var loss = torch.nn.functional.cross_entropy(output.forward(hidden.forward(x.index_select(0, index)).relu()), y.index_select(0, index));
                optimizer.zero_grad();
                loss.backward();
                optimizer.SetLearningRate(LearningRateSchedule.Cosine(settings.LearningRate, settings.MinLearningRate, step, total));
                optimizer.step();
            }
        }
        using (torch.no_grad())
        {
            var evalX = (embeddings.index_select(0, Indices(evaluate, device)) - mean) / std;
            var predicted = output.forward(hidden.forward(evalX).relu()).argmax(1).cpu().ToArray<long>();
            var correct = evaluate.Where((item, r) => predicted[r] == labels[item]).Count();
            return (double)correct / evaluate.Length;
        }
    }

    private static Tensor Indices(int[] items, Device device) => torch.tensor(items.Select(i => (long)i).ToArray(), [items.Length]).to(device);
}
