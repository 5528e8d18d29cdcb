using System.Diagnostics;
using Elfs.Engine.Torch;
using Elfs.Host.Cli;

namespace Elfs.Host.Tests.Cli;

public sealed class DoctorCommandTests
{
    // Debian's libtorch depends on libblas3, the reference BLAS, which lives here beside the OpenBLAS alternative.
    private const string ReferenceBlasDirectory = "/usr/lib/x86_64-linux-gnu/blas";

    [Fact]
    public void PrintsVersionThreadsBlasAndCudaAndSucceedsHere()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = DoctorCommand.Run(output, error);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(code == 0, $"doctor exited {code}: {error}");
        Assert.Equal("", error.ToString());
        Assert.Contains($"libtorch      {torch.__version__}", lines);
        Assert.Contains($"threads       {torch.get_num_threads()} of {Environment.ProcessorCount} cores", lines);
        var blas = Assert.Single(lines, l => l.StartsWith("BLAS ", StringComparison.Ordinal));
        Assert.Matches(@"^BLAS +(OpenBlas|Mkl|Blis) \(/?.+\)$", blas);
        Assert.Contains(lines, l => l.StartsWith("GEMM ", StringComparison.Ordinal) && l.Contains("GFLOP/s"));
        var cuda = Assert.Single(lines, l => l.StartsWith("CUDA ", StringComparison.Ordinal));
        Assert.Contains(torch.cuda.is_available() ? "available" : torch.cuda.compiled_with_cuda() ? "no GPU visible" : "not in this libtorch", cuda);
        Assert.Equal("ok", lines[^1]);
    }

    [Fact]
    public async Task FailsLoudlyWhenLibtorchCallsTheReferenceBlas()
    {
        var (kind, library) = TorchRuntime.DetectBlas();
        if (!library.StartsWith("/usr/lib/", StringComparison.Ordinal) || !Directory.Exists(ReferenceBlasDirectory))
            return; // a LIBTORCH build with its own BLAS: the system's libblas.so.3 is not what it calls
        Assert.NotEqual(BlasKind.Generic, kind);

        // Put the reference BLAS first in the loader's path, so libtorch's libblas.so.3 resolves to it.
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "elfs.dll"), "doctor"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["LD_LIBRARY_PATH"] = ReferenceBlasDirectory;
        using var process = Process.Start(start)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        var stdout = await stdoutTask;
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == DoctorCommand.GenericBlasExitCode, $"exit {process.ExitCode}\n{stdout}\n{stderr}");
        Assert.Contains("BLAS          Generic (/usr/lib/x86_64-linux-gnu/blas/", stdout);
        Assert.Contains("generic reference BLAS", stderr);
        Assert.Contains("apt-get install libopenblas0", stderr);
        Assert.DoesNotContain("\nok", stdout);
    }
}
