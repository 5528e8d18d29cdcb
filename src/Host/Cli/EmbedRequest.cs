namespace Elfs.Host.Cli;

/// <summary>The options of one <c>elfs embed</c> run.</summary>
/// <param name="Images">Folder of images (exclusive with <paramref name="FashionMnist"/>).</param>
/// <param name="FashionMnist">Embed Debian's Fashion-MNIST instead of a folder.</param>
/// <param name="Split">Fashion-MNIST split: train or test.</param>
/// <param name="Limit">At most this many Fashion-MNIST images.</param>
/// <param name="Encoder"><c>builtin</c> or <c>torchscript:FILE</c>.</param>
/// <param name="Device">auto, cpu, cuda or cuda:N.</param>
/// <param name="Cache">SQLite file of the embedding cache; null disables caching.</param>
/// <param name="Out">The .npy file to write.</param>
/// <param name="Threads">Native threads; null or 0 uses every core.</param>
/// <param name="InputSize">Encoder input side; null uses the encoder's default.</param>
/// <param name="Mean">Comma-separated per-channel mean (TorchScript encoders); null uses ImageNet's.</param>
/// <param name="Std">Comma-separated per-channel standard deviation (TorchScript encoders); null uses ImageNet's.</param>
public sealed record EmbedRequest(string? Images, bool FashionMnist, string Split, int? Limit, string Encoder, string Device,
    string? Cache, string Out, int? Threads, int? InputSize = null, string? Mean = null, string? Std = null);
