using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Torch;

[Collection(NativeCollection.Name)]
public sealed class MathTests
{
    private static Tensor T(params float[] values) => torch.tensor(values);

    [Fact]
    public void ArithmeticWithTensorsAndScalars()
    {
        using var scope = torch.NewDisposeScope();
        var a = T(1, 2, 3);
        var b = T(4, -5, 0.5f);
        Expect.Values([5, -3, 3.5], a + b);
        Expect.Values([-3, 7, 2.5], a - b);
        Expect.Values([4, -10, 1.5], a * b);
        Expect.Values([0.25, -0.4, 6], a / b);
        Expect.Values([3, 4, 5], a + 2);
        Expect.Values([3, 4, 5], 2 + a);
        Expect.Values([-1, 0, 1], a - 2);
        Expect.Values([1, 0, -1], 2 - a);
        Expect.Values([-1, -2, -3], -a);
        Expect.Values([3, 6, 9], a * 3);
        Expect.Values([3, 6, 9], 3 * a);
        Expect.Values([0.5, 1, 1.5], a / 2);
        Expect.Values([6, 3, 2], 6 / a);
        Expect.Values([5, -3, 3.5], a.add(b));
        Expect.Values([-3, 7, 2.5], a.sub(b));
        Expect.Values([4, -10, 1.5], a.mul(b));
        Expect.Values([0.25, -0.4, 6], a.div(b));
        Expect.Values([11, 12, 13], a.add(10));
        Expect.Values([-2, -4, -6], a.mul(-2));
    }

    [Fact]
    public void BroadcastingFollowsLibtorch()
    {
        using var scope = torch.NewDisposeScope();
        var column = torch.tensor(new float[] { 1, 2 }, [2, 1]);
        var row = torch.tensor(new float[] { 10, 20, 30 }, [1, 3]);
        Expect.Values([11, 21, 31, 12, 22, 32], column + row, shape: [2, 3]);
    }

    [Fact]
    public void IntegerRemainderAndFloorDivisionTakeTheDivisorsSign()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new long[] { -7, 7, -1 });
        Assert.Equal([2L, 1, 2], x.remainder(3).ToArray<long>());
        Assert.Equal([-3L, 2, -1], x.floor_divide(3).ToArray<long>());
        Assert.Equal(ScalarType.Int64, x.remainder(3).dtype);
        Expect.Values([0.5, 1.5], T(-1.5f, 1.5f).remainder(2));
    }

    [Fact]
    public void FractionalScalarsAreNotTruncatedForIntegerTensors()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new long[] { 2, 3, 5 });
        Assert.Equal([false, false, false], x.eq(2.5).ToArray<bool>());
        Assert.Equal([true, true, true], x.ne(2.5).ToArray<bool>());
        Assert.Equal([true, false, false], x.eq(2).ToArray<bool>());
        Expect.Values([2, 0.5, 0], x.remainder(2.5));
        Expect.Values([0, 1, 2], x.floor_divide(2.5));
    }

    [Fact]
    public void ElementwiseFunctions()
    {
        using var scope = torch.NewDisposeScope();
        Expect.Values([1, Math.E, Math.Exp(-1)], T(0, 1, -1).exp(), 1e-6);
        Expect.Values([0, 1, Math.Log(10)], T(1, (float)Math.E, 10).log(), 1e-6);
        Expect.Values([Math.Log(1.5), 0], T(0.5f, 0).log1p(), 1e-6);
        Expect.Values([2, 3, 0.5], T(4, 9, 0.25f).sqrt());
        Expect.Values([0.5, 1.0 / 3], T(4, 9).rsqrt(), 1e-6);
        Expect.Values([4, 9, 0.25], T(-2, 3, 0.5f).square());
        Expect.Values([0.25, -2], T(4, -0.5f).reciprocal());
        Expect.Values([8, 0.25, 1], T(2, 0.5f, 1).pow(3).div(T(1, 0.5f, 1)));
        Expect.Values([9, 2, 1], T(3, 4, 7).pow(T(2, 0.5f, 0)));
        Expect.Values([3, 0, 2.5], T(-3, 0, 2.5f).abs());
        Expect.Values([-1, 0, 1], T(-3, 0, 2.5f).sign());
        Expect.Values([-2, 1, 2], T(-1.5f, 1.5f, 2.5f).floor().add(T(0, 0, 0)));
        Expect.Values([-1, 2, 3], T(-1.5f, 1.5f, 2.5f).ceil());
        Expect.Values([-2, 2, 2], T(-1.5f, 1.5f, 2.5f).round()); // half to even
        Expect.Values([0, 0, 2], T(-1, 0, 2).relu());
        Expect.Values([-0.15865525393145707, 0, 0.8413447460685429], T(-1, 0, 1).gelu(), 1e-6);
        Expect.Values([0.11920292202211755, 0.5, 0.8807970779778823], T(-2, 0, 2).sigmoid(), 1e-6);
        Expect.Values([-0.7615941559557649, 0, 0.7615941559557649], T(-1, 0, 1).tanh(), 1e-6);
    }

    [Fact]
    public void ClampAndElementwiseExtremes()
    {
        using var scope = torch.NewDisposeScope();
        var x = T(-2, 0.5f, 3);
        Expect.Values([-1, 0.5, 1], x.clamp(-1, 1));
        Expect.Values([0, 0.5, 3], x.clamp(min: 0));
        Expect.Values([-2, 0.5, 2], x.clamp(max: 2));
        Expect.Values([0, 0.5, 3], x.clamp_min(0));
        Expect.Values([-2, 0.5, 1], x.clamp_max(1));
        Expect.Values([1, 0.5, 3], x.maximum(T(1, 0, 2)));
        Expect.Values([-2, 0, 2], x.minimum(T(1, 0, 2)));
        var y = x.clone();
        y.clamp_min_(0);
        Expect.Values([0, 0.5, 3], y);
    }

    [Fact]
    public void ComparisonsGiveBoolTensors()
    {
        using var scope = torch.NewDisposeScope();
        var a = T(1, 2, 3);
        var b = T(3, 2, 1);
        Assert.Equal([false, true, false], a.eq(b).ToArray<bool>());
        Assert.Equal([true, false, true], a.ne(b).ToArray<bool>());
        Assert.Equal([true, false, false], a.lt(b).ToArray<bool>());
        Assert.Equal([true, true, false], a.le(b).ToArray<bool>());
        Assert.Equal([false, false, true], a.gt(b).ToArray<bool>());
        Assert.Equal([false, true, true], a.ge(b).ToArray<bool>());
        Assert.Equal([false, true, false], a.eq(2).ToArray<bool>());
        Assert.Equal([true, false, true], a.ne(2).ToArray<bool>());
        Assert.Equal([true, false, false], a.lt(2).ToArray<bool>());
        Assert.Equal([true, true, false], a.le(2).ToArray<bool>());
        Assert.Equal([false, false, true], a.gt(2).ToArray<bool>());
        Assert.Equal([false, true, true], a.ge(2).ToArray<bool>());
        Assert.Equal(ScalarType.Bool, a.lt(b).dtype);
        var p = a.gt(1);
        var q = a.lt(3);
        Assert.Equal([false, true, false], p.logical_and(q).ToArray<bool>());
        Assert.Equal([true, true, true], p.logical_or(q).ToArray<bool>());
        Assert.Equal([true, false, false], p.logical_not().ToArray<bool>());
        Assert.Equal([false, true, false, false], T(1, float.NaN, float.PositiveInfinity, 0).isnan().ToArray<bool>());
        Assert.Equal([true, false, false, true], T(1, float.NaN, float.PositiveInfinity, 0).isfinite().ToArray<bool>());
        Assert.Equal([false, true, false], torch.tensor(new long[] { 1, 2, 3 }).eq(2).ToArray<bool>());
    }

    [Fact]
    public void MatrixProducts()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        var b = torch.tensor(new float[] { 7, 8, 9, 10, 11, 12 }, [3, 2]);
        // [[1*7+2*9+3*11, 1*8+2*10+3*12], [4*7+5*9+6*11, 4*8+5*10+6*12]]
        Expect.Values([58, 64, 139, 154], a.mm(b), shape: [2, 2]);
        Expect.Values([58, 64, 139, 154], torch.mm(a, b), shape: [2, 2]);
        Expect.Values([58, 64, 139, 154], torch.matmul(a, b), shape: [2, 2]);
        Expect.Values([58, 139], a.matmul(T(7, 9, 11)), shape: [2]);
        Expect.Values([58, 64, 139, 154], torch.einsum("ij,jk->ik", a, b), shape: [2, 2]);
        Expect.Values([14, 77], torch.einsum("ij,ij->i", a, a), shape: [2]);
        var batchA = torch.stack([a, a * 2]);
        var batchB = torch.stack([b, b]);
        Expect.Values([58, 64, 139, 154, 116, 128, 278, 308], torch.bmm(batchA, batchB), shape: [2, 2, 2]);
        var ones = torch.ones([2, 2, 2]);
        Expect.Values([59, 65, 140, 155, 117, 129, 279, 309], ones.baddbmm(batchA, batchB), shape: [2, 2, 2]);
        Expect.Values([0.5 + 116, 0.5 + 128, 0.5 + 278, 0.5 + 308], torch.ones([2, 2]).addmm(a, b, beta: 0.5, alpha: 2));
        Expect.Values([0, 5, 5, 0], torch.cdist(torch.tensor(new float[] { 0, 0, 3, 4 }, [2, 2]), torch.tensor(new float[] { 0, 0, 3, 4 }, [2, 2])), 1e-5);
    }

    [Fact]
    public void InPlaceUpdatesChangeTheTensorAndReturnIt()
    {
        using var scope = torch.NewDisposeScope();
        var x = T(1, 2, 3);
        Assert.Same(x, x.add_(T(1, 1, 1)));
        Expect.Values([2, 3, 4], x);
        x.add_(T(1, 2, 3), -2);
        Expect.Values([0, -1, -2], x);
        x.add_(5).mul_(2);
        Expect.Values([10, 8, 6], x);
        x.div_(2).sub_(T(1, 1, 1));
        Expect.Values([4, 3, 2], x);
        x.mul_(T(2, 3, 4)).div_(T(4, 3, 2));
        Expect.Values([2, 3, 4], x);
        x.addcmul_(T(1, 2, 3), T(2, 2, 2), 0.5);
        Expect.Values([3, 5, 7], x);
        x.addcdiv_(T(3, 5, 7), T(3, 5, 7), -1);
        Expect.Values([2, 4, 6], x);
        x.lerp_(T(4, 4, 4), 0.25);
        Expect.Values([2.5, 4, 5.5], x);
        x.copy_(T(9));
        Expect.Values([9, 9, 9], x);
        x.fill_(-1.5);
        Expect.Values([-1.5, -1.5, -1.5], x);
        x.zero_();
        Expect.Values([0, 0, 0], x);
        var ints = torch.zeros([2], torch.int64);
        ints.fill_(3);
        Assert.Equal([3L, 3], ints.ToArray<long>());
    }
}
