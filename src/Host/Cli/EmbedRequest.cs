namespace Elfs.Host.Cli;

/// <summary>The options of one <c>elfs embed</c> run.</summary>
/// <param name="Images">Folder of images (exclusive with <paramref name="FashionMnist"/>).</param>
/// <param name="FashionMnist">Embed Debian's Fashion-MNIST instead of a folder.</param>
/// <param name="Split">Fashion-MNIST split: train or test.</param>
/// <param name="Limit">At most this many Fashion-MNIST images.</param>
/// <param name="Encoder"><c>builtin</c>, <c>resnet18</c>, <c>onnx:FILE</c> or <c>torchscript:FILE</c>.</param>
/// <param name="Device">auto, cpu, cuda or cuda:N.</param>
/// <param name="Cache">SQLite file of the embedding cache; null disables caching.</param>
/// <param name="Out">The .npy file to write.</param>
/// <param name="Threads">Native threads; null or 0 uses every core.</param>
/// <param name="InputSize">Encoder input side; null uses the encoder's default.</param>
/// <param name="Mean">Comma-separated per-channel mean (onnx, torchscript); null uses the model's (onnx) or ImageNet's (torchscript).</param>
/// <param name="Std">Comma-separated per-channel standard deviation (onnx, torchscript); null as for <paramref name="Mean"/>.</param>
/// <param name="ChannelOrder">onnx: <c>rgb</c> or <c>bgr</c>; null uses the model's metadata, else rgb.</param>
/// <param name="OutputName">onnx: the output holding the vector; null uses the metadata's or the only output.</param>
public sealed record EmbedRequest(string? Images, bool FashionMnist, string Split, int? Limit, string Encoder, string Device,
    string? Cache, string Out, int? Threads, int? InputSize = null, string? Mean = null, string? Std = null,
    string? ChannelOrder = null, string? OutputName = null);
