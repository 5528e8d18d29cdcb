using System.CommandLine;
using System.Globalization;
using Elfs.Engine.Torch;

namespace Elfs.Host.Cli;

/// <summary><c>elfs doctor</c>: checks the native runtime and fails loudly when it would be unusably slow.</summary>
public static class DoctorCommand
{
    /// <summary>Exit code when the runtime works but BLAS is the slow reference implementation.</summary>
    public const int GenericBlasExitCode = 3;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("doctor", "Print libtorch's version, BLAS, threads and CUDA, and check they are usable.");
        command.SetAction(_ => Run(Console.Out, Console.Error));
        return command;
    }

    /// <summary>Runs the checks, writing the report; returns the exit code.</summary>
    public static int Run(TextWriter output, TextWriter error)
    {
        RuntimeReport report;
        try
        {
            report = TorchRuntime.Inspect();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            error.WriteLine($"error: the native library could not be loaded ({e.GetBaseException().Message}). " +
                            "Build with ./elfs.sh (it installs libtorch-dev) or set LIBTORCH to a libtorch directory.");
            return 1;
        }
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"libtorch      {report.TorchVersion}"));
        output.WriteLine(string.Create(c, $"threads       {report.Threads} of {report.Cores} cores"));
        output.WriteLine(string.Create(c, $"BLAS          {report.Blas} ({report.BlasLibrary})"));
        output.WriteLine(string.Create(c, $"GEMM          {report.GemmGflops:F1} GFLOP/s (float32, 1024x1024, CPU)"));
        output.WriteLine(string.Create(c, $"CUDA          {(report.CudaAvailable ? $"available, {report.CudaDevices} device(s)" : report.CompiledWithCuda ? "built with CUDA, no GPU visible" : "not in this libtorch (CPU only)")}"));
        if (report.Blas == BlasKind.Generic)
        {
            error.WriteLine("error: libtorch is using the generic reference BLAS, about 50x slower than OpenBLAS. " +
                            "Install OpenBLAS: apt-get install libopenblas0 (then update-alternatives picks it for libblas.so.3).");
            return GenericBlasExitCode;
        }
        output.WriteLine("ok");
        return 0;
    }
}
