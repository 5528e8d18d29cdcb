using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Torch;

[Collection(NativeCollection.Name)]
public sealed class CreationTests
{
    [Fact]
    public void TensorFromArrayKeepsValuesShapeAndType()
    {
        using var t = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        Assert.Equal([2L, 3L], t.shape);
        Assert.Equal(2, t.dim());
        Assert.Equal(6, t.numel());
        Assert.Equal(ScalarType.Float32, t.dtype);
        Assert.Equal(Device.CPU, t.device);
        Assert.Equal([1f, 2, 3, 4, 5, 6], t.ToArray<float>());
        var span = new float[6];
        t.CopyTo<float>(span);
        Assert.Equal([1f, 2, 3, 4, 5, 6], span);
    }

    [Fact]
    public void TensorFromTwoDimensionalArrayIsRowMajor()
    {
        using var t = torch.tensor(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        Assert.Equal([3L, 2L], t.shape);
        Assert.Equal(ScalarType.Float64, t.dtype);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], t.ToArray<double>());
    }

    [Fact]
    public void TensorRejectsDataThatDoesNotFillTheShape()
    {
        var e = Assert.Throws<ArgumentException>(() => torch.tensor(new float[] { 1, 2, 3 }, [2, 2]));
        Assert.Contains("3 values", e.Message);
        Assert.Contains("[2, 2]", e.Message);
    }

    [Fact]
    public void CopyToRejectsADestinationOfTheWrongLength()
    {
        using var t = torch.zeros([4]);
        var e = Assert.Throws<TorchException>(() => t.CopyTo<float>(new float[3]));
        Assert.Contains("16 bytes", e.Message);
    }

    [Fact]
    public void Factories()
    {
        using var z = torch.zeros([2, 2]);
        using var o = torch.ones([3], torch.float64);
        using var f = torch.full([2], 2.5);
        using var fi = torch.full([2], 7, torch.int64);
        using var s = torch.scalar_tensor(4.5);
        using var e = torch.empty([5, 0]);
        Assert.Equal([0f, 0, 0, 0], z.ToArray<float>());
        Assert.Equal([1.0, 1, 1], o.ToArray<double>());
        Assert.Equal([2.5f, 2.5f], f.ToArray<float>());
        Assert.Equal([7L, 7], fi.ToArray<long>());
        Assert.Empty(s.shape);
        Assert.Equal(4.5f, s.item<float>());
        Assert.Equal([5L, 0L], e.shape);
        Assert.Empty(e.ToArray<float>());
    }

    [Fact]
    public void LikeFactoriesCopyShapeAndType()
    {
        using var x = torch.tensor(new long[] { 1, 2, 3, 4 }, [2, 2]);
        using var z = torch.zeros_like(x);
        using var o = torch.ones_like(x);
        Assert.Equal(ScalarType.Int64, z.dtype);
        Assert.Equal([2L, 2L], o.shape);
        Assert.Equal([0L, 0, 0, 0], z.ToArray<long>());
        Assert.Equal([1L, 1, 1, 1], o.ToArray<long>());
    }

    [Fact]
    public void RangesAndIdentity()
    {
        using var a = torch.arange(5);
        using var b = torch.arange(1, 2, 0.25, torch.float32);
        using var l = torch.linspace(0, 1, 5);
        using var i = torch.eye(3);
        Assert.Equal(ScalarType.Int64, a.dtype);
        Assert.Equal([0L, 1, 2, 3, 4], a.ToArray<long>());
        Assert.Equal([1f, 1.25f, 1.5f, 1.75f], b.ToArray<float>());
        Assert.Equal([0f, 0.25f, 0.5f, 0.75f, 1f], l.ToArray<float>());
        Assert.Equal([1f, 0, 0, 0, 1, 0, 0, 0, 1], i.ToArray<float>());
    }

    [Fact]
    public void SameSeedGivesTheSameDrawsAndAnotherSeedDifferentOnes()
    {
        float[] Rand(ulong seed) { using var g = new Generator(seed); using var t = torch.rand([64], g); return t.ToArray<float>(); }
        float[] Randn(ulong seed) { using var g = new Generator(seed); using var t = torch.randn([64], g); return t.ToArray<float>(); }
        long[] Randint(ulong seed) { using var g = new Generator(seed); using var t = torch.randint(3, 9, [200], g); return t.ToArray<long>(); }
        long[] Randperm(ulong seed) { using var g = new Generator(seed); using var t = torch.randperm(50, g); return t.ToArray<long>(); }

        Assert.Equal(Rand(42), Rand(42));
        Assert.NotEqual(Rand(42), Rand(43));
        Assert.All(Rand(7), v => Assert.InRange(v, 0f, 1f - float.Epsilon));
        Assert.Equal(Randn(42), Randn(42));
        Assert.NotEqual(Randn(42), Randn(43));
        Assert.Contains(Randn(1), v => v < 0);

        var ints = Randint(5);
        Assert.Equal(ints, Randint(5));
        Assert.All(ints, v => Assert.InRange(v, 3L, 8L));
        Assert.Equal(6, ints.Distinct().Count()); // 200 draws from 6 values hit every one

        var perm = Randperm(9);
        Assert.Equal(perm, Randperm(9));
        Assert.NotEqual(perm, Randperm(10));
        Assert.Equal(Enumerable.Range(0, 50).Select(v => (long)v), perm.Order());
    }

    [Fact]
    public void ConsecutiveDrawsFromOneGeneratorDiffer()
    {
        using var g = new Generator(3);
        using var a = torch.rand([8], g);
        using var b = torch.rand([8], g);
        Assert.NotEqual(a.ToArray<float>(), b.ToArray<float>());
        Assert.Equal(3UL, g.Seed);
    }

    [Fact]
    public void InPlaceDrawsAreSeededAndBounded()
    {
        float[] Uniform(ulong seed) { using var g = new Generator(seed); using var t = torch.empty([100]); t.uniform_(-2, 3, g); return t.ToArray<float>(); }
        float[] Normal(ulong seed) { using var g = new Generator(seed); using var t = torch.empty([2000]); t.normal_(10, 0.5, g); return t.ToArray<float>(); }
        var u = Uniform(11);
        Assert.Equal(u, Uniform(11));
        Assert.All(u, v => Assert.InRange(v, -2f, 3f));
        var n = Normal(11);
        Assert.Equal(n, Normal(11));
        Assert.InRange(n.Average(), 9.95, 10.05);
        var sd = Math.Sqrt(n.Select(v => (v - n.Average()) * (v - n.Average())).Average());
        Assert.InRange(sd, 0.45, 0.55);
    }

    [Fact]
    public void MultinomialFollowsTheWeightsAndTheSeed()
    {
        using var p = torch.tensor(new float[] { 0, 0, 1, 0, 1, 1, 1, 1 }, [2, 4]);
        long[] Draw(ulong seed, bool replacement, int n) { using var g = new Generator(seed); using var t = torch.multinomial(p, n, replacement, g); return t.ToArray<long>(); }

        var withReplacement = Draw(1, true, 5);
        Assert.Equal([2L, 2, 2, 2, 2], withReplacement[..5]); // row 0 has all its weight on class 2
        Assert.Equal(Draw(1, true, 5), withReplacement);
        using var uniform = torch.ones([1, 4]);
        using var g = new Generator(2);
        using var permutation = torch.multinomial(uniform, 4, false, g);
        Assert.Equal([0L, 1, 2, 3], permutation.ToArray<long>().Order()); // without replacement: every class once
    }

    [Fact]
    public void BernoulliIsSeededAndHonoursCertainties()
    {
        using var p = torch.tensor(new float[] { 0, 1, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f });
        float[] Draw(ulong seed) { using var g = new Generator(seed); using var t = torch.bernoulli(p, g); return t.ToArray<float>(); }
        var d = Draw(4);
        Assert.Equal(Draw(4), d);
        Assert.Equal(0f, d[0]);
        Assert.Equal(1f, d[1]);
        Assert.All(d, v => Assert.True(v is 0f or 1f));
    }
}
