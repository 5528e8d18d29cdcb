namespace Elfs.Engine.Dynamics.Proxies;

/// <summary>Which network <see cref="ImageClassifier"/> builds.</summary>
public enum ImageArchitecture
{
    /// <summary>Three conv-BN-ReLU stages for small images (e.g. 28 × 28).</summary>
    SmallCnn,

    /// <summary>CIFAR-style ResNet-18 (the reference's proxy).</summary>
    ResNet18,
}
