using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Torch;

[Collection(NativeCollection.Name)]
public sealed class DtypeTests
{
    [Fact]
    public void Float16RoundsToTheNearestHalf()
    {
        using var scope = torch.NewDisposeScope();
        var h = torch.tensor(new float[] { 0.5f, 1.5f, 2048, 0.1f, 65504, 1e-8f }).to(torch.float16);
        Assert.Equal(ScalarType.Float16, h.dtype);
        Assert.Equal([(Half)0.5f, (Half)1.5f, (Half)2048, (Half)0.1f, Half.MaxValue, (Half)0], h.ToArray<Half>());
        Expect.Values([0.5, 1.5, 2048, 0.0999755859375, 65504, 0], h.to(torch.float32), 0);
        var fromHalf = torch.tensor(new[] { (Half)3.25f, (Half)(-1) });
        Assert.Equal(ScalarType.Float16, fromHalf.dtype);
        Expect.Values([3.25, -1], fromHalf, 0);
    }

    [Fact]
    public void BFloat16KeepsEightBitsOfMantissa()
    {
        using var scope = torch.NewDisposeScope();
        var twoTo100 = Math.Pow(2, 100);
        var b = torch.tensor(new float[] { 1, 1.0f / 3, (float)twoTo100, 257 }).to(torch.bfloat16);
        Assert.Equal(ScalarType.BFloat16, b.dtype);
        // 1/3 → 0.333984375 (nearest with 8 significant bits); 257 → 256 (ties to even); float32's exponent range survives.
        Expect.Values([1, 0.333984375, twoTo100, 256], b.to(torch.float64), 0);
        Assert.Throws<InvalidOperationException>(() => b.ToArray<float>());
    }

    [Fact]
    public void FloatToInt64TruncatesTowardZero()
    {
        using var scope = torch.NewDisposeScope();
        var i = torch.tensor(new float[] { 2.7f, -2.7f, 0.5f, 1e6f }).to(torch.int64);
        Assert.Equal(ScalarType.Int64, i.dtype);
        Assert.Equal([2L, -2, 0, 1_000_000], i.ToArray<long>());
        var back = torch.tensor(new long[] { 3, -4 }).to(torch.float32);
        Assert.Equal([3f, -4], back.ToArray<float>());
    }

    [Fact]
    public void BoolConversions()
    {
        using var scope = torch.NewDisposeScope();
        var b = torch.tensor(new float[] { 0, 2.5f, -1, 0 }).to(torch.@bool);
        Assert.Equal(ScalarType.Bool, b.dtype);
        Assert.Equal([false, true, true, false], b.ToArray<bool>());
        Assert.Equal([0f, 1, 1, 0], b.to(torch.float32).ToArray<float>());
        Assert.Equal([0L, 1, 1, 0], b.to(torch.int64).ToArray<long>());
        var fromBools = torch.tensor(new[] { true, false });
        Assert.Equal(ScalarType.Bool, fromBools.dtype);
        Assert.Equal(1L, fromBools.sum().item<long>());
    }

    [Fact]
    public void ArithmeticPromotesLikeLibtorch()
    {
        using var scope = torch.NewDisposeScope();
        var ints = torch.tensor(new long[] { 1, 2 });
        var floats = torch.tensor(new float[] { 0.5f, 0.5f });
        Assert.Equal(ScalarType.Float32, (ints + floats).dtype);
        Assert.Equal(ScalarType.Int64, (ints * ints).dtype);
        Assert.Equal(ScalarType.Float32, (ints / 2).dtype);
        Expect.Values([0.5, 1], ints / 2);
    }

    [Fact]
    public void ReadingWithTheWrongElementTypeNamesBothTypes()
    {
        using var t = torch.zeros([2], torch.float64);
        var e = Assert.Throws<InvalidOperationException>(() => t.ToArray<float>());
        Assert.Contains("Float32", e.Message);
        Assert.Contains("Float64", e.Message);
        Assert.Throws<InvalidOperationException>(() => t.item<double>()); // two elements
    }

    [Fact]
    public void ToDeviceCpuKeepsValues()
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(new float[] { 1, 2 });
        Expect.Values([1, 2], t.to(Device.CPU));
        Expect.Values([1, 2], t.cpu());
        Expect.Values([1, 2], t.to(torch.float64, Device.CPU));
        Assert.Equal(ScalarType.Float64, t.to(torch.float64, Device.CPU).dtype);
    }
}
