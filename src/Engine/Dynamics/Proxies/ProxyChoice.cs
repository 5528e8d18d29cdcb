
namespace Elfs.Engine.Dynamics.Proxies;

/// <summary>Resolves <see cref="SelectionOptions.Proxy"/> and builds the trainer.</summary>
internal static class ProxyChoice
{
    /// <summary>Checks that an image proxy has one image per row.</summary>
    /// <exception cref="ArgumentException">Names Proxy or Images.</exception>
    public static void Validate(SelectionOptions options, int rows)
    {
        if (!Enum.IsDefined(options.Proxy)) throw new ArgumentException($"Proxy {options.Proxy} is not known; allowed: auto, embedding, image", nameof(options.Proxy));
        if (options.Proxy == ProxyKind.Image && options.Images is null)
            throw new ArgumentException("Proxy image needs Images (one decoded image per row)", nameof(options.Images));
        if (options.Images is { } images && images.Count != rows)
            throw new ArgumentException($"Images holds {images.Count} images but there are {rows} rows", nameof(options.Images));
    }

    /// <summary>The proxy kind actually used on <paramref name="device"/>.</summary>
    public static ProxyKind Resolve(SelectionOptions options, Device device) => options.Proxy switch
    {
        ProxyKind.Auto => device.type == DeviceType.CUDA && options.Images is not null ? ProxyKind.Image : ProxyKind.Embedding,
        var kind => kind,
    };

    /// <summary>The trainer for the resolved kind.</summary>
    public static IProxyTrainer Create(SelectionOptions options, ElfsProfile profile, Tensor embeddings) =>
        Resolve(options, embeddings.device) == ProxyKind.Image
            ? new ImageProxyTrainer(options.Images!, profile.ImageProxy, embeddings.device)
            : new MlpProxyTrainer(embeddings, profile);
}
