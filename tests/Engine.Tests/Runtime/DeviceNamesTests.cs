namespace Elfs.Engine.Tests.Runtime;

public sealed class DeviceNamesTests
{
    [Theory]
    [InlineData("cpu")]
    [InlineData(" CPU ")]
    public void Cpu_parses_and_prints_as_cpu(string text) => Assert.Equal("cpu", DeviceNames.Name(DeviceNames.Parse(text)));

    [Fact]
    public void Auto_is_the_cpu_without_cuda() =>
        Assert.Equal(torch.cuda.is_available() ? "cuda:0" : "cpu", DeviceNames.Name(DeviceNames.Parse("auto")));

    [Theory]
    [InlineData("gpu", "is not known; allowed: auto, cpu, cuda, cuda:N")]
    [InlineData("cuda:x", "has a bad index")]
    [InlineData("cuda:-1", "has a bad index")]
    public void Unknown_names_and_bad_indices_are_named_with_what_is_allowed(string text, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => DeviceNames.Parse(text));
        Assert.Contains($"'{text}'", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Cuda_on_a_cpu_build_says_so()
    {
        if (torch.cuda.is_available()) return; // a GPU machine: cuda is valid there
        var e = Assert.Throws<ArgumentException>(() => DeviceNames.Parse("cuda"));
        Assert.Contains("CUDA is not available here", e.Message);
    }
}
