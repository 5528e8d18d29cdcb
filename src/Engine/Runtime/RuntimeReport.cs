namespace Elfs.Engine.Runtime;

/// <summary>What the tensor runtime is and how fast it multiplies matrices here (<c>elfs doctor</c>).</summary>
/// <param name="TorchSharpVersion">The TorchSharp assembly's version.</param>
/// <param name="LibTorchVersion">libtorch's version as it reports it.</param>
/// <param name="Backend">The TorchSharp package the build uses: <c>cpu</c> or <c>cuda</c>.</param>
/// <param name="Threads">Intra-op threads in use.</param>
/// <param name="Cores">Logical cores of the machine.</param>
/// <param name="CudaDevices">Visible CUDA devices (0 on the CPU build or without a GPU).</param>
/// <param name="GemmGflops">float32 1024×1024 matrix product on the CPU, best of five, in GFLOP/s.</param>
/// <param name="NativeLibrary">Where libLibTorchSharp was found, or null.</param>
/// <param name="CompatibilityStep">The build's GLIBCXX compatibility step as it recorded it, or null when absent.</param>
/// <param name="OnnxRuntimeVersion">ONNX Runtime's version (the <c>onnx</c> and <c>resnet18</c> encoders).</param>
/// <param name="OnnxProviders">ONNX Runtime's execution providers in this build (CUDAExecutionProvider only in the CUDA build).</param>
/// <param name="ResNet18Model">The built-in ResNet-18 model file when both of its graphs are in the output, else null.</param>
public sealed record RuntimeReport(
    string TorchSharpVersion, string LibTorchVersion, string Backend, int Threads, int Cores, int CudaDevices,
    double GemmGflops, string? NativeLibrary, string? CompatibilityStep,
    string OnnxRuntimeVersion, IReadOnlyList<string> OnnxProviders, string? ResNet18Model);
