namespace Elfs.Engine.Dynamics.Proxies;

/// <summary>Which proxy produces the training dynamics.</summary>
public enum ProxyKind
{
    /// <summary>Per device, following the measurements in benchmarks/results/beyond.md: <see cref="Embedding"/> on CPU; on CUDA <see cref="Image"/> when images are given.</summary>
    Auto,

    /// <summary>An MLP on the embeddings (cheap).</summary>
    Embedding,

    /// <summary>A CNN trained from scratch on the images (the paper's proxy; needs <see cref="SelectionOptions.Images"/>).</summary>
    Image,
}
