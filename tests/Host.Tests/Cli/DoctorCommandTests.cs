using System.Diagnostics;
using System.Text;
using Elfs.Host.Cli;
using TorchSharp;

namespace Elfs.Host.Tests.Cli;

public sealed class DoctorCommandTests
{
    [Fact]
    public void ReportsTorchSharpLibtorchThreadsGemmCudaAndTheCompatibilityStep()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = DoctorCommand.Run(output, error);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(code == 0, $"doctor exited {code}: {error}");
        Assert.Equal("", error.ToString());
        Assert.Contains("TorchSharp    0.107.0 (TorchSharp-cpu)", lines);
        Assert.Contains($"libtorch      {torch.__version__}", lines);
        Assert.StartsWith("2.10", torch.__version__);
        Assert.Contains($"threads       {torch.get_num_threads()} of {Environment.ProcessorCount} cores", lines);
        var gemm = Assert.Single(lines, l => l.StartsWith("GEMM ", StringComparison.Ordinal));
        Assert.Matches(@"^GEMM +[0-9]+\.[0-9] GFLOP/s", gemm);
        Assert.DoesNotContain("GEMM          0.0 ", gemm);
        Assert.Contains(lines, l => l.StartsWith("CUDA          not in this build", StringComparison.Ordinal));
        var native = Assert.Single(lines, l => l.StartsWith("native ", StringComparison.Ordinal))["native".Length..].Trim();
        Assert.True(File.Exists(native), native);
        var step = Assert.Single(lines, l => l.StartsWith("GLIBCXX step ", StringComparison.Ordinal));
        Assert.Contains(SystemLacksGlibcxx3432() ? "applied: GLIBCXX_3.4.32 marked weak" : "not needed", step);
        Assert.Contains(lines, l => l.StartsWith("ONNX Runtime  1.31.1 (", StringComparison.Ordinal) && l.Contains("CPUExecutionProvider"));
        var resnet = Assert.Single(lines, l => l.StartsWith("resnet18 ", StringComparison.Ordinal))["resnet18".Length..].Trim();
        Assert.True(File.Exists(resnet), resnet);
        Assert.Equal("ok", lines[^1]);
    }

    [Fact]
    public async Task TheProgramRunsDoctorInItsOwnProcess()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "elfs.dll"), "doctor"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        var stdout = await stdoutTask;
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{stdout}\n{stderr}");
        Assert.Contains($"libtorch      {torch.__version__}", stdout);
        Assert.EndsWith("ok", stdout.TrimEnd());
    }

    // What the build step decides on, read independently: does the system's libstdc++ define GLIBCXX_3.4.32?
    private static bool SystemLacksGlibcxx3432()
    {
        var library = new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6" }
            .First(File.Exists);
        return File.ReadAllBytes(library).AsSpan().IndexOf(Encoding.ASCII.GetBytes("GLIBCXX_3.4.32\0")) < 0;
    }
}
