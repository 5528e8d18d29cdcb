using Elfs.Engine.Imaging;

namespace Elfs.Engine.Encoders.Onnx;

/// <summary>
/// The encode loop both ONNX encoders share: decode a chunk (per-item errors kept), let the encoder's
/// <c>prepare</c> turn each decoded RGB image into the model's input in place, run the model on the images that decoded,
/// and scatter their vectors back (failed items get zero rows).
/// </summary>
internal sealed class OnnxImagePipeline(OnnxModel model, ImageDecodeOptions decodeOptions, int side, Action<Span<float>> prepare, int batchSize)
{
    /// <summary>Swaps the first and last planes of a planar 3-channel image in place (R, G, B to B, G, R and back).</summary>
    public static void SwapRedBlue(Span<float> image)
    {
        var plane = image.Length / 3;
        var red = image[..plane];
        var blue = image[(2 * plane)..];
        for (var i = 0; i < plane; i++) (red[i], blue[i]) = (blue[i], red[i]);
    }

    /// <summary>Finds the output's size per image with <paramref name="probes"/> zero images.</summary>
    public int Probe(int probes)
    {
        var input = new float[probes * 3 * side * side];
        for (var i = 0; i < probes; i++) prepare(input.AsSpan(i * 3 * side * side, 3 * side * side));
        var output = model.Run(input, probes, side);
        return output.Length / probes;
    }

    /// <summary>Encodes <paramref name="images"/> into vectors of <paramref name="dimension"/>.</summary>
    public EncodeBatchResult Encode(IReadOnlyList<ReadOnlyMemory<byte>> images, int dimension, CancellationToken cancellationToken)
    {
        var vectors = new float[images.Count * dimension];
        var errors = new string?[images.Count];
        for (var start = 0; start < images.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, images.Count - start);
            var decoded = ImageDecoder.Decode([.. Enumerable.Range(start, count).Select(i => images[i])], decodeOptions);
            var ok = Enumerable.Range(0, count).Where(i => decoded.Errors[i] is null).ToArray();
            for (var i = 0; i < count; i++) errors[start + i] = decoded.Errors[i];
            if (ok.Length == 0) continue;
            var item = decoded.ItemLength;
            var input = ok.Length == count ? decoded.Pixels : new float[ok.Length * item];
            if (ok.Length != count)
                for (var k = 0; k < ok.Length; k++) decoded.Item(ok[k]).CopyTo(input.AsSpan(k * item, item));
            Parallel.For(0, ok.Length, k => prepare(input.AsSpan(k * item, item)));
            var output = model.Run(input.AsMemory(0, ok.Length * item), ok.Length, side);
            if (output.Length != ok.Length * dimension)
                throw new InvalidOperationException($"the model returned {output.Length / ok.Length} values per image, not the {dimension} it returned when probed");
            for (var k = 0; k < ok.Length; k++)
                output.AsSpan(k * dimension, dimension).CopyTo(vectors.AsSpan((start + ok[k]) * dimension, dimension));
        }
        return new EncodeBatchResult(vectors, errors);
    }
}
