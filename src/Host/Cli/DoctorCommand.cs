using System.CommandLine;
using System.Globalization;
using Elfs.Engine.Runtime;

namespace Elfs.Host.Cli;

/// <summary><c>elfs doctor</c>: loads the tensor runtime, reports what it is and how fast it runs, and fails when it cannot load.</summary>
public static class DoctorCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("doctor", "Print TorchSharp's and libtorch's versions, threads, CUDA and a GEMM figure, and check they are usable.");
        command.SetAction(_ => Run(Console.Out, Console.Error));
        return command;
    }

    /// <summary>Runs the checks, writing the report; returns the exit code (0 usable, 1 not loadable).</summary>
    public static int Run(TextWriter output, TextWriter error)
    {
        RuntimeReport report;
        try
        {
            report = EngineRuntime.Inspect();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or NotSupportedException)
        {
            error.WriteLine($"error: TorchSharp could not be loaded ({e.GetBaseException().Message}). " +
                            "Rebuild with ./elfs.sh: on Debian 12 the build marks libLibTorchSharp.so's GLIBCXX_3.4.32 requirement weak; " +
                            "see README, \"Runs on\".");
            return 1;
        }
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"TorchSharp    {report.TorchSharpVersion} (TorchSharp-{report.Backend})"));
        output.WriteLine(string.Create(c, $"libtorch      {report.LibTorchVersion}"));
        output.WriteLine(string.Create(c, $"threads       {report.Threads} of {report.Cores} cores"));
        output.WriteLine(string.Create(c, $"GEMM          {report.GemmGflops:F1} GFLOP/s (float32, 1024x1024, CPU)"));
        output.WriteLine(string.Create(c, $"CUDA          {(report.CudaDevices > 0 ? $"available, {report.CudaDevices} device(s)" : report.Backend == "cuda" ? "CUDA build, no GPU visible" : "not in this build (TorchSharp-cpu; build with -p:TorchBackend=cuda)")}"));
        output.WriteLine(string.Create(c, $"native        {report.NativeLibrary ?? "libLibTorchSharp.so not found next to the program"}"));
        output.WriteLine(string.Create(c, $"GLIBCXX step  {report.CompatibilityStep ?? "no record (not a Linux build output)"}"));
        output.WriteLine(string.Create(c, $"ONNX Runtime  {report.OnnxRuntimeVersion} ({string.Join(", ", report.OnnxProviders)})"));
        output.WriteLine(string.Create(c, $"resnet18      {report.ResNet18Model ?? "model files missing from the output (rebuild; Encoder: resnet18 will refuse to start)"}"));
        output.WriteLine("ok");
        return 0;
    }
}
