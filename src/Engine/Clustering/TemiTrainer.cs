using Elfs.Engine.Training;
using TorchSharp.Modules;

namespace Elfs.Engine.Clustering;

/// <summary>
/// Trains TEMI cluster heads on neighbour pairs (elfs-spec §3): student and EMA teacher, AdamW with warm-up, the last
/// layer frozen in the first epoch, and the best head chosen by its last-epoch loss; labels come from the final teacher.
/// </summary>
public static class TemiTrainer
{
    private const int InferenceBatch = 8192;

    /// <summary>Trains the heads and returns pseudo-labels for every row of <paramref name="embeddings"/>.</summary>
    /// <param name="embeddings">Raw (not normalised) rows × D float32 tensor on the compute device.</param>
    /// <param name="knn">Neighbour graph; pairs are drawn uniformly from each row's neighbours.</param>
    /// <param name="clusters">K, the number of clusters.</param>
    /// <param name="profile">Hyperparameters.</param>
    /// <param name="seed">Seed for initialisation, shuffling and pair draws.</param>
    /// <param name="progress">Reports ("temi", epoch, epochs, "loss …").</param>
    /// <param name="cancellationToken">Checked every step.</param>
    public static PseudoLabels Train(Tensor embeddings, KnnGraph knn, int clusters, ElfsProfile profile, ulong seed,
        IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var rows = (int)embeddings.size(0);
        var dim = (int)embeddings.size(1);
        var batch = Math.Min(profile.TemiBatch, rows);
        var iterations = rows / batch;
        var device = embeddings.device;
        using var generator = new torch.Generator(SeedStreams.Derive(seed, "temi-init"), torch.CPU);
        using var student = TemiHeads.Create(dim, profile.Heads, profile.HiddenDim, profile.BottleneckDim, clusters, generator, device);
        using var teacher = student.CopyAsTeacher();
        using var prior = torch.full([profile.Heads, 1, clusters], 1.0 / clusters, device: device).DetachFromDisposeScope();
        var scale = batch / 256.0;
        var learningRates = LearningRateSchedule.WarmupCosine(profile.TemiLearningRate * scale, profile.TemiMinLearningRate * scale,
            profile.TemiEpochs * iterations, profile.TemiWarmupEpochs * iterations);
        using var optimizer = torch.optim.AdamW([
            new AdamW.ParamGroup(student.DecayedParameters, new AdamW.Options { LearningRate = learningRates[0], weight_decay = profile.TemiWeightDecay }),
            new AdamW.ParamGroup(student.BiasParameters, new AdamW.Options { LearningRate = learningRates[0], weight_decay = 0 }),
        ]);
        var random = SeedStreams.Random(seed, "temi-pairs");
        var headLosses = new float[profile.Heads];
        var pairs = new long[2 * batch];
        var step = 0;
        for (var epoch = 0; epoch < profile.TemiEpochs; epoch++)
        {
            var order = SeedStreams.Permutation(rows, random);
            var sums = new double[profile.Heads];
            for (var it = 0; it < iterations; it++, step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < batch; i++)
                {
                    var anchor = order[it * batch + i];
                    pairs[i] = anchor;
                    pairs[batch + i] = knn.Indices[anchor * knn.K + random.Next(knn.K)];
                }
                using var scope = torch.NewDisposeScope();
                var x = embeddings.index_select(0, torch.tensor(pairs, [2L * batch]).to(device));
                Tensor teacherLogits;
                using (torch.no_grad()) teacherLogits = teacher.Forward(x);
                var (loss, perHead) = TemiLoss.Compute(student.Forward(x), teacherLogits, prior, profile.Temperature, profile.TemiBeta, profile.PriorMomentum);
                optimizer.zero_grad();
                loss.backward();
                // Freeze the last layer in the first epoch by dropping its gradient: a zero gradient would still be decayed.
                if (epoch == 0)
                    foreach (var p in student.LastLayerParameters) p.grad = null;
                optimizer.SetLearningRate(learningRates[step]);
                optimizer.step();
                teacher.UpdateAsEmaOf(student, profile.TeacherMomentum);
                var values = perHead.cpu().ToArray<float>();
                for (var h = 0; h < values.Length; h++) sums[h] += values[h];
            }
            for (var h = 0; h < headLosses.Length; h++) headLosses[h] = (float)(sums[h] / iterations);
            progress?.Report(new StageProgress("temi", epoch + 1, profile.TemiEpochs, $"loss {headLosses.Min():F4}"));
        }
        var best = Array.IndexOf(headLosses, headLosses.Min());
        var (labels, confidence) = Label(teacher, embeddings, best, profile.Temperature);
        return new PseudoLabels(labels, confidence, best, headLosses);
    }

    private static (int[] Labels, float[] Confidence) Label(TemiHeads teacher, Tensor embeddings, int head, double temperature)
    {
        var rows = (int)embeddings.size(0);
        var labels = new int[rows];
        var confidence = new float[rows];
        using var noGrad = torch.no_grad();
        for (var start = 0; start < rows; start += InferenceBatch)
        {
            var count = Math.Min(InferenceBatch, rows - start);
            using var scope = torch.NewDisposeScope();
            var logits = teacher.ForwardHead(embeddings.narrow(0, start, count), head);
            var (p, arg) = (logits / temperature).softmax(-1).max(-1);
            p.cpu().CopyTo<float>(confidence.AsSpan(start, count));
            var ids = arg.cpu().ToArray<long>();
            for (var i = 0; i < count; i++) labels[start + i] = (int)ids[i];
        }
        return (labels, confidence);
    }
}
