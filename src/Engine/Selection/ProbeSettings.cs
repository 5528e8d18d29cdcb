namespace Elfs.Engine.Selection;

/// <summary>How <see cref="PseudoLabelProbe"/> trains: an MLP with SGD (Nesterov 0.9), cosine per iteration.</summary>
/// <param name="Epochs">Passes over the coreset.</param>
/// <param name="Batch">Batch size (no drop-last).</param>
/// <param name="Hidden">Hidden width.</param>
/// <param name="LearningRate">Peak learning rate.</param>
/// <param name="MinLearningRate">Final learning rate.</param>
/// <param name="WeightDecay">SGD weight decay.</param>
public sealed record ProbeSettings(int Epochs, int Batch, int Hidden, double LearningRate, double MinLearningRate, double WeightDecay)
{
    /// <summary>The proxy settings of a profile.</summary>
    public static ProbeSettings From(ElfsProfile profile) => new(profile.ProxyEpochs, profile.ProxyBatch, profile.ProxyHiddenDim,
        profile.ProxyLearningRate, profile.ProxyMinLearningRate, profile.ProxyWeightDecay);
}
