using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Torch;

[Collection(NativeCollection.Name)]
public sealed class DeviceTests
{
    [Theory]
    [InlineData("cpu")]
    [InlineData(" CPU ")]
    public void ParsesCpu(string text) => Assert.Equal(Device.CPU, Device.Parse(text));

    [Fact]
    public void AutoPicksCudaOnlyWhenAvailable() =>
        Assert.Equal(torch.cuda.is_available() ? Device.CUDA : Device.CPU, Device.Parse("auto"));

    [Theory]
    [InlineData("tpu")]
    [InlineData("")]
    [InlineData("gpu0")]
    public void UnknownNamesListWhatIsAllowed(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => Device.Parse(text));
        Assert.Contains($"'{text}'", e.Message);
        Assert.Contains("auto, cpu, cuda, cuda:N", e.Message);
    }

    [Theory]
    [InlineData("cuda:x")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    public void BadIndexesAreRejected(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => Device.Parse(text));
        Assert.Contains("bad index", e.Message);
    }

    [Fact]
    public void CudaIsRefusedClearlyWhereThereIsNone()
    {
        if (torch.cuda.is_available())
        {
            Assert.Equal(new Device(DeviceType.CUDA, 1), Device.Parse("cuda:1"));
            return;
        }
        var e = Assert.Throws<ArgumentException>(() => Device.Parse("cuda"));
        Assert.Contains("CUDA is not available", e.Message);
        Assert.Contains("'auto' or 'cpu'", e.Message);
    }

    [Fact]
    public void NamesPrintAsLibtorchSpellsThem()
    {
        Assert.Equal("cpu", Device.CPU.ToString());
        Assert.Equal("cuda:1", new Device(DeviceType.CUDA, 1).ToString());
    }
}
