using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Torch;

[Collection(NativeCollection.Name)]
public sealed class ErrorTests
{
    [Fact]
    public void MatrixProductShapeMismatchCarriesBothShapes()
    {
        using var a = torch.zeros([2, 3]);
        using var b = torch.zeros([4, 5]);
        var e = Assert.Throws<TorchException>(() => a.mm(b));
        Assert.Contains("2x3", e.Message);
        Assert.Contains("4x5", e.Message);
        Assert.StartsWith("mm:", e.Message);
    }

    [Fact]
    public void LibtorchMessagesReachTheCaller()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.zeros([2, 3]);
        Assert.Contains("invalid for input of size 6", Assert.Throws<TorchException>(() => x.view(4)).Message);
        Assert.Contains("Sizes of tensors must match", Assert.Throws<TorchException>(() => torch.cat([x, torch.zeros([2, 2])])).Message);
        Assert.Contains("out of range", Assert.Throws<TorchException>(() => x.index_select(0, torch.tensor(new long[] { 5 }))).Message);
        Assert.Contains("Dimension out of range", Assert.Throws<TorchException>(() => x.sum(3)).Message);
        Assert.Contains("only for scalar outputs", Assert.Throws<TorchException>(() => x.requires_grad_().mul(2).backward()).Message);
    }

    [Fact]
    public void AFailedCallLeavesTheBindingUsableAndLeaksNothing()
    {
        var before = torch.LiveTensorCount;
        using (var scope = torch.NewDisposeScope())
        {
            var x = torch.ones([3]);
            for (var i = 0; i < 100; i++) Assert.Throws<TorchException>(() => x.view(2));
            Assert.Equal(3f, x.sum().item<float>());
        }
        Assert.Equal(before, torch.LiveTensorCount);
    }

    [Fact]
    public void UsingADisposedTensorThrowsObjectDisposed()
    {
        var t = torch.ones([1]);
        t.Dispose();
        Assert.True(t.IsInvalid);
        Assert.Throws<ObjectDisposedException>(() => t.sum());
        Assert.Equal("Tensor(disposed)", t.ToString());
        t.Dispose(); // a second dispose is harmless
    }

    [Fact]
    public void ErrorsAreKeptPerThread()
    {
        using var a = torch.zeros([2, 3]);
        using var b = torch.zeros([4, 5]);
        string? other = null;
        var thread = new Thread(() =>
        {
            using var x = torch.zeros([3]);
            other = Assert.Throws<TorchException>(() => x.view(7)).Message;
        });
        var mine = Assert.Throws<TorchException>(() => a.mm(b)).Message;
        thread.Start();
        thread.Join();
        Assert.Contains("2x3", mine);
        Assert.Contains("size 3", other);
    }
}
