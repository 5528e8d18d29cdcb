
namespace Elfs.Engine.Dynamics;

/// <summary>Receives a proxy's training-mode logits for each batch, before the optimiser step.</summary>
public interface IDynamicsObserver
{
    /// <summary>Called once per batch; every item must appear exactly once per epoch.</summary>
    /// <param name="epoch">0-based epoch.</param>
    /// <param name="items">Item indices of the batch rows.</param>
    /// <param name="logits">Batch × K logits (detached; valid only during the call).</param>
    void Observe(int epoch, ReadOnlySpan<int> items, Tensor logits);
}
