using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Torch;

[Collection(NativeCollection.Name)]
public sealed class AutogradTests
{
    [Fact]
    public void BackwardAccumulatesIntoLeavesUntilZeroGrad()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 1, 2, 3 }).requires_grad_();
        Assert.True(x.requires_grad);
        Assert.True(x.is_leaf);
        Assert.Null(x.grad());
        var y = (x * x).sum(); // dy/dx = 2x
        Assert.False(y.is_leaf);
        y.backward();
        Expect.Values([2, 4, 6], x.grad()!);
        (x * 3).sum().backward();
        Expect.Values([5, 7, 9], x.grad()!);
        x.zero_grad();
        Assert.Null(x.grad());
    }

    [Fact]
    public void BackwardWithAnExplicitGradient()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 1, 2 }).requires_grad_();
        (x * 10).backward(torch.tensor(new float[] { 1, 0.5f }));
        Expect.Values([10, 5], x.grad()!);
    }

    [Fact]
    public void DetachCutsTheGraph()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 2 }).requires_grad_();
        var d = (x * 3).detach();
        Assert.False(d.requires_grad);
        Expect.Values([6], d);
        var y = x * d; // d is a constant here
        y.backward();
        Expect.Values([6], x.grad()!);
    }

    [Fact]
    public void NoGradStopsRecordingAndRestoresTheMode()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.ones([2]).requires_grad_();
        Assert.True(torch.is_grad_enabled());
        using (torch.no_grad())
        {
            Assert.False(torch.is_grad_enabled());
            Assert.False((x * 2).requires_grad);
            using (torch.enable_grad())
            {
                Assert.True(torch.is_grad_enabled());
                Assert.True((x * 2).requires_grad);
            }
            Assert.False(torch.is_grad_enabled());
        }
        Assert.True(torch.is_grad_enabled());
        Assert.True((x * 2).requires_grad);
    }

    [Fact]
    public void SetDataReplacesValuesKeepingTheLeaf()
    {
        using var scope = torch.NewDisposeScope();
        var p = torch.zeros([2]).requires_grad_();
        p.set_data(torch.tensor(new double[] { 1, 2, 3 }));
        Assert.Equal(ScalarType.Float64, p.dtype);
        Assert.Equal([3L], p.shape);
        Assert.True(p.requires_grad);
        (p * p).sum().backward();
        Expect.Values([2, 4, 6], p.grad()!);
    }
}
