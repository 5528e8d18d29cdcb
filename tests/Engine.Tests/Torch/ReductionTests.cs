using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Torch;

[Collection(NativeCollection.Name)]
public sealed class ReductionTests
{
    // [[1 5 3] [4 2 6]]
    private static Tensor X() => torch.tensor(new float[] { 1, 5, 3, 4, 2, 6 }, [2, 3]);

    [Fact]
    public void SumsAndMeans()
    {
        using var scope = torch.NewDisposeScope();
        var x = X();
        Assert.Equal(21f, x.sum().item<float>());
        Expect.Values([5, 7, 9], x.sum(0), shape: [3]);
        Expect.Values([9, 12], x.sum(1), shape: [2]);
        Expect.Values([9, 12], x.sum(1, keepdim: true), shape: [2, 1]);
        Expect.Values([21], x.sum([0, 1]), shape: []);
        Assert.Equal(3.5f, x.mean().item<float>());
        Expect.Values([2.5, 3.5, 4.5], x.mean(0));
        Expect.Values([3, 4], x.mean([1], keepdim: true), shape: [2, 1]);
        Expect.Values([4, 4], x.var(1));
        Expect.Values([8.0 / 3, 8.0 / 3], x.var(1, unbiased: false), 1e-6);
        Expect.Values([1, 6, 9, 4, 6, 12], x.cumsum(1));
        Assert.Equal(6L, torch.tensor(new long[] { 1, 2, 3 }).sum().item<long>()); // integer sums stay int64
    }

    [Fact]
    public void ExtremesAndTheirIndices()
    {
        using var scope = torch.NewDisposeScope();
        var x = X();
        Assert.Equal(6f, x.max().item<float>());
        Assert.Equal(1f, x.min().item<float>());
        var (maxValues, maxIndexes) = x.max(1);
        Expect.Values([5, 6], maxValues);
        Assert.Equal([1L, 2], maxIndexes.ToArray<long>());
        var (minValues, minIndexes) = x.min(0, keepdim: true);
        Expect.Values([1, 2, 3], minValues, shape: [1, 3]);
        Assert.Equal([0L, 1, 0], minIndexes.ToArray<long>());
        Assert.Equal([1L, 2], x.argmax(1).ToArray<long>());
        Assert.Equal([0L, 1], x.argmin(1).ToArray<long>());
        Assert.Equal([1L, 0, 1], x.argmax(0).ToArray<long>());
    }

    [Fact]
    public void TopkLargestAndSmallest()
    {
        using var scope = torch.NewDisposeScope();
        var v = torch.tensor(new float[] { 1, 5, 3, 4, 2 });
        var (values, indexes) = v.topk(3);
        Expect.Values([5, 4, 3], values);
        Assert.Equal([1L, 3, 2], indexes.ToArray<long>());
        var (small, smallIndexes) = torch.topk(v, 2, largest: false);
        Expect.Values([1, 2], small);
        Assert.Equal([0L, 4], smallIndexes.ToArray<long>());
        var (rowTop, rowIndexes) = X().topk(1, dim: 1);
        Expect.Values([5, 6], rowTop, shape: [2, 1]);
        Assert.Equal([1L, 2], rowIndexes.ToArray<long>());
    }

    [Fact]
    public void StableSortKeepsTiesInIndexOrder()
    {
        using var scope = torch.NewDisposeScope();
        // Long enough (and full of ties) that an unstable sort would be free to reorder them.
        var keys = Enumerable.Range(0, 300).Select(i => (float)(i * 7 % 5)).ToArray();
        var t = torch.tensor(keys);
        var ascending = Enumerable.Range(0, keys.Length).OrderBy(i => keys[i]).Select(i => (long)i).ToArray();
        var descending = Enumerable.Range(0, keys.Length).OrderByDescending(i => keys[i]).Select(i => (long)i).ToArray();

        var (values, indexes) = t.sort(stable: true);
        Assert.Equal(keys.Order().ToArray(), values.ToArray<float>());
        Assert.Equal(ascending, indexes.ToArray<long>());
        var (down, downIndexes) = torch.sort(t, descending: true, stable: true);
        Assert.Equal(keys.OrderDescending().ToArray(), down.ToArray<float>());
        Assert.Equal(descending, downIndexes.ToArray<long>());
        Assert.Equal(ascending, t.argsort(stable: true).ToArray<long>());
        Assert.Equal(descending, t.argsort(descending: true, stable: true).ToArray<long>());
    }

    [Fact]
    public void SortAlongTheFirstDimension()
    {
        using var scope = torch.NewDisposeScope();
        var (values, indexes) = X().sort(0);
        Expect.Values([1, 2, 3, 4, 5, 6], values);
        Assert.Equal([0L, 1, 0, 1, 0, 1], indexes.ToArray<long>());
    }

    [Fact]
    public void NormsLogsumexpBincountAnyAll()
    {
        using var scope = torch.NewDisposeScope();
        var m = torch.tensor(new float[] { 3, 4, 6, -8 }, [2, 2]);
        Expect.Values([5, 10], m.norm(1));
        Expect.Values([7, 14], m.norm(1, p: 1));
        Expect.Values([5, 10], m.norm(1, keepdim: true), shape: [2, 1]);
        var l = torch.tensor(new double[] { 0, Math.Log(3), 1000, 1000 }, [2, 2]);
        Expect.Values([Math.Log(4), 1000 + Math.Log(2)], l.logsumexp(1), 1e-9); // stable at large values
        var counts = torch.tensor(new long[] { 0, 2, 2, 5 }).bincount();
        Assert.Equal([1L, 0, 2, 0, 0, 1], counts.ToArray<long>());
        Assert.Equal(8, torch.tensor(new long[] { 1 }).bincount(8).numel());
        var b = torch.tensor(new[] { false, true, true });
        Assert.True(b.any().item<bool>());
        Assert.False(b.all().item<bool>());
        Assert.True(b.slice(0, 1, 3).all().item<bool>());
    }
}
