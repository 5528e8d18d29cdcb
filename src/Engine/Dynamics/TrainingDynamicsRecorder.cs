
namespace Elfs.Engine.Dynamics;

/// <summary>
/// Accumulates AUM, forgetting, correctness and EL2N with running O(N) accumulators; no logits are stored.
/// Each batch is reduced on the device to three numbers per item and copied back in one transfer.
/// </summary>
public sealed class TrainingDynamicsRecorder : IDynamicsObserver
{
    private readonly int[] labels;
    private readonly int el2nEpochs;
    private readonly double[] aum;
    private readonly double[] el2n;
    private readonly int[] forgetting;
    private readonly int[] correctness;
    private readonly bool[] lastCorrect;
    private long[] labelBuffer = [];

    /// <summary>Creates a recorder for items with the given pseudo-labels.</summary>
    /// <param name="labels">Pseudo-label per item.</param>
    /// <param name="el2nEpochs">EL2N is summed over epochs [0, el2nEpochs).</param>
    public TrainingDynamicsRecorder(int[] labels, int el2nEpochs = 10)
    {
        this.labels = labels;
        this.el2nEpochs = el2nEpochs;
        aum = new double[labels.Length];
        el2n = new double[labels.Length];
        forgetting = new int[labels.Length];
        correctness = new int[labels.Length];
        lastCorrect = new bool[labels.Length];
    }

    /// <inheritdoc />
    public void Observe(int epoch, ReadOnlySpan<int> items, Tensor logits)
    {
        var n = items.Length;
        if (labelBuffer.Length < n) labelBuffer = new long[n];
        for (var i = 0; i < n; i++) labelBuffer[i] = labels[items[i]];
        float[] stats;
        using (torch.no_grad())
        using (torch.NewDisposeScope())
        {
            var probs = logits.detach().to(torch.float32).softmax(1);
            var target = TensorData.FromSpan<long>(labelBuffer.AsSpan(0, n), [n, 1]).to(probs.device);
            var own = probs.gather(1, target);
            var others = probs.scatter(1, target, torch.full([n, 1], -1.0, device: probs.device)).max(1, keepdim: true).values;
            var correct = probs.argmax(1, keepdim: true).eq(target).to(torch.float32);
            var oneHot = torch.zeros_like(probs).scatter(1, target, torch.ones([n, 1], device: probs.device));
            var distance = (probs - oneHot).norm(1, keepdim: true);
            stats = torch.cat([own - others, correct, distance], 1).cpu().ToArray<float>();
        }
        for (var i = 0; i < n; i++)
        {
            var item = items[i];
            aum[item] += stats[3 * i];
            var isCorrect = stats[3 * i + 1] > 0.5f;
            if (isCorrect) correctness[item]++;
            if (epoch > 0 && lastCorrect[item] && !isCorrect) forgetting[item]++;
            lastCorrect[item] = isCorrect;
            if (epoch < el2nEpochs) el2n[item] += stats[3 * i + 2];
        }
    }

    /// <summary>The scores accumulated so far.</summary>
    public DynamicsScores Scores() => new(
        aum.Select(v => (float)v).ToArray(), (int[])forgetting.Clone(), el2n.Select(v => (float)v).ToArray(), (int[])correctness.Clone());
}
