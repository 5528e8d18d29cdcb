namespace Elfs.Engine.Torch;

/// <summary>What the native runtime is: versions, threads, devices, BLAS and a quick GEMM speed.</summary>
/// <param name="TorchVersion">libtorch's version.</param>
/// <param name="Threads">libtorch's intra-op threads.</param>
/// <param name="Cores">Logical cores of this machine.</param>
/// <param name="CompiledWithCuda">Whether the native library was built against a CUDA libtorch.</param>
/// <param name="CudaAvailable">Whether a GPU is usable now.</param>
/// <param name="CudaDevices">Visible GPUs.</param>
/// <param name="Blas">The BLAS implementation.</param>
/// <param name="BlasLibrary">The BLAS library file loaded, or the build's BLAS_INFO when it is linked in.</param>
/// <param name="GemmGflops">Measured float32 GEMM speed at 1024×1024 on the CPU.</param>
public sealed record RuntimeReport(
    string TorchVersion, int Threads, int Cores, bool CompiledWithCuda, bool CudaAvailable, int CudaDevices,
    BlasKind Blas, string BlasLibrary, double GemmGflops);
