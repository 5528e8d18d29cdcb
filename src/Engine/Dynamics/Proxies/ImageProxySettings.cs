namespace Elfs.Engine.Dynamics.Proxies;

/// <summary>
/// Training of the image proxy (elfs-spec §4.1): SGD with Nesterov momentum 0.9, weight decay, cosine per iteration
/// clamped at the horizon, random crop with reflect padding and horizontal flip.
/// </summary>
public sealed record ImageProxySettings
{
    /// <summary>The network.</summary>
    public ImageArchitecture Architecture { get; init; } = ImageArchitecture.SmallCnn;

    /// <summary>Epochs (the reference: 200).</summary>
    public int Epochs { get; init; } = 200;

    /// <summary>Batch size, no drop-last (the reference: 256).</summary>
    public int Batch { get; init; } = 256;

    /// <summary>Peak learning rate (the reference: 0.1).</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Final learning rate (the reference: 1e-4).</summary>
    public double MinLearningRate { get; init; } = 1e-4;

    /// <summary>Weight decay (the reference: 5e-4).</summary>
    public double WeightDecay { get; init; } = 5e-4;

    /// <summary>Reflect padding of the random crop (the reference: 4; 0 disables it).</summary>
    public int CropPadding { get; init; } = 4;

    /// <summary>Random horizontal flip (the reference: on; turn off for images where left/right matters).</summary>
    public bool Flip { get; init; } = true;
}
