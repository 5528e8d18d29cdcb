using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Elfs.Engine.Encoders.Onnx;

/// <summary>
/// One ONNX image model in ONNX Runtime: N x 3 x S x S float32 or float16 input, one output read as N x D float32.
/// On CUDA devices it runs on the CUDA execution provider, else on the CPU one. On the CPU every Run is single-threaded
/// and a batch is split over <see cref="Parallelism"/> concurrent Runs of the one session (per image when the model's
/// batch is fixed at 1, per slice when it is dynamic): measured faster on a loaded 2-core machine than one Run with
/// intra-op threads (benchmarks/results/encoders.md), and the weights are held once.
/// </summary>
internal sealed class OnnxModel : IDisposable
{
    /// <summary>ONNX Runtime's name of its CPU provider.</summary>
    public const string CpuProvider = "CPUExecutionProvider";

    /// <summary>ONNX Runtime's name of its CUDA provider.</summary>
    public const string CudaProvider = "CUDAExecutionProvider";

    private readonly InferenceSession session;
    private readonly string[] inputNames;
    private readonly string[] outputNames;

    /// <summary>Loads <paramref name="path"/> for <paramref name="device"/>; <paramref name="threads"/> concurrent Runs on the CPU.</summary>
    /// <exception cref="EncoderSettingException">The file is missing or not an ONNX image model (setting EncoderPath).</exception>
    public OnnxModel(string path, Device device, int threads)
    {
        if (!File.Exists(path)) throw new EncoderSettingException("EncoderPath", $"the ONNX model file '{path}' does not exist");
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        Provider = CpuProvider;
        if (device.type == DeviceType.CUDA)
        {
            try
            {
                options.AppendExecutionProvider_CUDA(Math.Max(device.index, 0));
            }
            catch (OnnxRuntimeException e)
            {
                throw new InvalidOperationException($"ONNX Runtime's CUDA provider could not be started for device cuda:{Math.Max(device.index, 0)} " +
                                                    $"({FirstLine(e.Message)}); this needs the -p:TorchBackend=cuda build with CUDA 12 and cuDNN 9, or use device cpu", e);
            }
            Provider = CudaProvider;
        }
        try
        {
            session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new EncoderSettingException("EncoderPath", $"'{path}' is not an ONNX model ONNX Runtime can load ({FirstLine(e.Message)})");
        }
        try
        {
            (InputName, var input) = Single(session.InputMetadata, "input");
            InputType = input.ElementDataType switch
            {
                TensorElementType.Float => "float32",
                TensorElementType.Float16 => "float16",
                var t => throw new EncoderSettingException("EncoderPath", $"the model's input '{InputName}' is {t}; allowed: float32 or float16"),
            };
            var dims = input.Dimensions;
            if (dims.Length != 4 || dims[1] is not (3 or -1))
                throw new EncoderSettingException("EncoderPath", $"the model's input '{InputName}' has shape [{string.Join(", ", dims)}]; an image encoder takes N x 3 x S x S");
            if (dims[0] > 1)
                throw new EncoderSettingException("EncoderPath", $"the model's batch dimension is fixed at {dims[0]}; export it with a dynamic batch (or batch 1)");
            FixedBatch = dims[0] == 1;
            if (dims[2] > 0 || dims[3] > 0)
            {
                if (dims[2] != dims[3])
                    throw new EncoderSettingException("EncoderPath", $"the model's input is {dims[3]}x{dims[2]} pixels; only square inputs (or dynamic sides) are supported");
                FixedInputSize = dims[2];
            }
            OutputNames = [.. session.OutputMetadata.Keys];
            Metadata = session.ModelMetadata.CustomMetadataMap;
        }
        catch
        {
            session.Dispose();
            throw;
        }
        Parallelism = Provider == CpuProvider ? Math.Max(1, threads) : 1;
        inputNames = [InputName];
        outputNames = [OutputNames[0]];
    }

    /// <summary>The execution provider the model runs on: <see cref="CpuProvider"/> or <see cref="CudaProvider"/>.</summary>
    public string Provider { get; }

    /// <summary>The model's input.</summary>
    public string InputName { get; }

    /// <summary>The input's element type: <c>float32</c> or <c>float16</c>.</summary>
    public string InputType { get; }

    /// <summary>Whether the graph's batch dimension is fixed at 1 (images then run one by one).</summary>
    public bool FixedBatch { get; }

    /// <summary>The input side when the graph fixes it, else null.</summary>
    public int? FixedInputSize { get; }

    /// <summary>The graph's outputs, in order.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>The model's metadata_props.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Concurrent Runs of one batch.</summary>
    public int Parallelism { get; }

    /// <summary>The output read by <see cref="Run"/> (set by <see cref="UseOutput"/>; the first output until then).</summary>
    public string Output => outputNames[0];

    /// <summary>ONNX Runtime's version, e.g. <c>1.31.1</c>.</summary>
    public static string RuntimeVersion => OrtEnv.Instance().GetVersionString();

    /// <summary>Reads <paramref name="name"/> from now on; the caller checked that it is one of <see cref="OutputNames"/>.</summary>
    public void UseOutput(string name) => outputNames[0] = name;

    /// <summary>
    /// Runs <paramref name="count"/> images of <paramref name="side"/> x <paramref name="side"/> (planar CHW floats, one
    /// after another in <paramref name="input"/>) and returns count x D floats, D being the output's size per image.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model does not return one vector per image.</exception>
    public float[] Run(ReadOnlyMemory<float> input, int count, int side)
    {
        if (count == 0) return [];
        var item = 3 * side * side;
        var slices = FixedBatch ? count : Math.Min(count, Parallelism);
        var bounds = Enumerable.Range(0, slices + 1).Select(k => (int)((long)k * count / slices)).ToArray();
        var outputs = new float[slices][];
        if (slices == 1 || Parallelism == 1)
            for (var k = 0; k < slices; k++) outputs[k] = RunSlice(input, bounds[k], bounds[k + 1] - bounds[k], item, side);
        else
            Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
                k => outputs[k] = RunSlice(input, bounds[k], bounds[k + 1] - bounds[k], item, side));
        var per = outputs[0].Length / (bounds[1] - bounds[0]);
        var result = new float[count * per];
        for (var k = 0; k < slices; k++) outputs[k].CopyTo(result, bounds[k] * per);
        return result;
    }

    private float[] RunSlice(ReadOnlyMemory<float> input, int start, int n, int item, int side)
    {
        long[] shape = [n, 3, side, side];
        var slice = input.Slice(start * item, n * item);
        using var value = InputType == "float16"
            ? OrtValue.CreateTensorValueFromMemory(ToHalf(slice.Span), shape)
            : OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, System.Runtime.InteropServices.MemoryMarshal.AsMemory(slice), shape);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, inputNames, [value], outputNames);
        var output = results[0];
        var outShape = output.GetTensorTypeAndShape().Shape;
        if (outShape.Length < 1 || outShape[0] != n)
            throw new InvalidOperationException($"the model's output '{Output}' has shape [{string.Join(", ", outShape)}] for a batch of {n}; it must hold one vector per image");
        return output.GetTensorTypeAndShape().ElementDataType switch
        {
            TensorElementType.Float => output.GetTensorDataAsSpan<float>().ToArray(),
            TensorElementType.Float16 => [.. output.GetTensorDataAsSpan<Float16>().ToArray().Select(h => (float)h)],
            var t => throw new InvalidOperationException($"the model's output '{Output}' is {t}; allowed: float32 or float16"),
        };
    }

    private static Float16[] ToHalf(ReadOnlySpan<float> values)
    {
        var result = new Float16[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = (Float16)values[i];
        return result;
    }

    private static (string Name, NodeMetadata Node) Single(IReadOnlyDictionary<string, NodeMetadata> nodes, string what)
    {
        if (nodes.Count != 1)
            throw new EncoderSettingException("EncoderPath", $"the model has {nodes.Count} {what}s ({string.Join(", ", nodes.Keys)}); an image encoder takes one image input");
        var (name, node) = nodes.First();
        return (name, node);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    /// <summary>Frees the session.</summary>
    public void Dispose() => session.Dispose();
}
