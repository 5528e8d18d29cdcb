using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Torch;

[Collection(NativeCollection.Name)]
public sealed class RuntimeTests
{
    [Fact]
    public void ThreadCountCanBeSetAndRestored()
    {
        var original = torch.get_num_threads();
        try
        {
            torch.set_num_threads(1);
            Assert.Equal(1, torch.get_num_threads());
            TorchRuntime.Configure(null);
            Assert.Equal(Environment.ProcessorCount, torch.get_num_threads());
            TorchRuntime.Configure(1);
            Assert.Equal(1, torch.get_num_threads());
            TorchRuntime.Configure(0);
            Assert.Equal(Environment.ProcessorCount, torch.get_num_threads());
            Assert.Throws<ArgumentOutOfRangeException>(() => torch.set_num_threads(0));
            Assert.Throws<ArgumentOutOfRangeException>(() => TorchRuntime.Configure(-2));
        }
        finally
        {
            torch.set_num_threads(original);
        }
    }

    [Fact]
    public void VersionBuildAndCudaFacts()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+", torch.__version__);
        Assert.Contains("PyTorch built with", torch.BuildConfig);
        if (!torch.cuda.is_available())
        {
            Assert.Equal(0, torch.cuda.device_count());
            Assert.Equal(0, torch.cuda.memory_allocated());
            Assert.Equal(0, torch.cuda.max_memory_allocated());
            torch.cuda.reset_peak_memory_stats(); // harmless without CUDA
            torch.cuda.synchronize();
        }
        var (kind, library) = TorchRuntime.DetectBlas();
        Assert.NotEqual(BlasKind.Unknown, kind);
        Assert.False(string.IsNullOrEmpty(library));
    }

    [Fact]
    public void GemmSpeedIsMeasured() => Assert.True(TorchRuntime.MeasureGemmGflops(64, repeats: 2) > 0);
}
