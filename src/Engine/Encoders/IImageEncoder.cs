namespace Elfs.Engine.Encoders;

/// <summary>Turns encoded image files into fixed-length vectors.</summary>
public interface IImageEncoder : IDisposable
{
    /// <summary>Hash of the encoder kind, model bytes or built-in version, input size and mean/std; it keys the embedding cache.</summary>
    string Fingerprint { get; }

    /// <summary>What runs, in words for the run report: the kind and, for ONNX models, the execution provider (<c>onnx on CPUExecutionProvider</c>).</summary>
    string Description { get; }

    /// <summary>The length of every vector.</summary>
    int Dimension { get; }

    /// <summary>Encodes a batch; an item that cannot be decoded gets its reason and a zero row, the rest go on.</summary>
    EncodeBatchResult Encode(IReadOnlyList<ReadOnlyMemory<byte>> images, CancellationToken cancellationToken = default);
}
