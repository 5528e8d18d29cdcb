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
public sealed record RuntimeReport(
    string TorchSharpVersion, string LibTorchVersion, string Backend, int Threads, int Cores, int CudaDevices,
    double GemmGflops, string? NativeLibrary, string? CompatibilityStep);
