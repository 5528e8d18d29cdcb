namespace Elfs.Engine.Dynamics;

/// <summary>
/// A classifier trained on pseudo-labels whose per-batch logits feed an <see cref="IDynamicsObserver"/>. The MLP on
/// embeddings is one implementation; a CNN on images can be another without touching the recorder.
/// </summary>
public interface IProxyTrainer
{
    /// <summary>Number of epochs the proxy trains for.</summary>
    int Epochs { get; }

    /// <summary>Trains on <paramref name="labels"/> (one per item, in [0, classes)), reporting every batch to <paramref name="observer"/>.</summary>
    void Train(int[] labels, int classes, IDynamicsObserver observer, ulong seed, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default);
}
