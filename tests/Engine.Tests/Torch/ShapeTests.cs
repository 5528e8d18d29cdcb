using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Torch;

[Collection(NativeCollection.Name)]
public sealed class ShapeTests
{
    // [[0 1 2] [3 4 5]]
    private static Tensor Matrix() => torch.arange(0, 6, 1, torch.float32).reshape(2, 3);

    [Fact]
    public void ViewReshapeAndFlatten()
    {
        using var scope = torch.NewDisposeScope();
        var m = Matrix();
        Expect.Values([0, 1, 2, 3, 4, 5], m.view(3, 2), shape: [3, 2]);
        Expect.Values([0, 1, 2, 3, 4, 5], m.view(-1), shape: [6]);
        Expect.Values([0, 1, 2, 3, 4, 5], m.reshape(1, 6, 1), shape: [1, 6, 1]);
        Expect.Values([0, 1, 2, 3, 4, 5], m.reshape(1, 6, 1).flatten(), shape: [6]);
        Expect.Values([0, 1, 2, 3, 4, 5], m.reshape(2, 3, 1).flatten(1), shape: [2, 3]);
    }

    [Fact]
    public void TransposePermuteAndContiguous()
    {
        using var scope = torch.NewDisposeScope();
        var m = Matrix();
        Expect.Values([0, 3, 1, 4, 2, 5], m.t(), shape: [3, 2]);
        Expect.Values([0, 3, 1, 4, 2, 5], m.transpose(0, 1).contiguous().view(6), shape: [6]);
        var cube = torch.arange(0, 8, 1, torch.float32).reshape(2, 2, 2);
        // out[i,j,k] = in[k,i,j]
        Expect.Values([0, 4, 1, 5, 2, 6, 3, 7], cube.permute(1, 2, 0), shape: [2, 2, 2]);
        Assert.Throws<TorchException>(() => m.t().view(6)); // a transposed view is not contiguous
    }

    [Fact]
    public void UnsqueezeSqueezeExpandRepeatFlip()
    {
        using var scope = torch.NewDisposeScope();
        var v = torch.tensor(new float[] { 1, 2 });
        Assert.Equal([1L, 2L], v.unsqueeze(0).shape);
        Assert.Equal([2L, 1L], v.unsqueeze(-1).shape);
        Assert.Equal([2L], v.unsqueeze(0).squeeze(0).shape);
        Expect.Values([1, 1, 1, 2, 2, 2], v.unsqueeze(1).expand(2, 3), shape: [2, 3]);
        Expect.Values([1, 2, 1, 2, 1, 2, 1, 2], v.repeat(2, 2), shape: [2, 4]);
        Expect.Values([2, 1, 0, 5, 4, 3], Matrix().flip(1));
        Expect.Values([3, 4, 5, 0, 1, 2], Matrix().flip(0));
    }

    [Fact]
    public void CatAndStack()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.tensor(new float[] { 1, 2 }, [1, 2]);
        var b = torch.tensor(new float[] { 3, 4, 5, 6 }, [2, 2]);
        Expect.Values([1, 2, 3, 4, 5, 6], torch.cat([a, b]), shape: [3, 2]);
        var c = torch.tensor(new float[] { 9, 8 }, [1, 2]);
        Expect.Values([1, 2, 9, 8], torch.cat([a, c], 1), shape: [1, 4]);
        Expect.Values([1, 2, 9, 8], torch.stack([a, c]), shape: [2, 1, 2]);
        Expect.Values([1, 9, 2, 8], torch.stack([a.view(2), c.view(2)], 1), shape: [2, 2]);
    }

    [Fact]
    public void SliceNarrowSelect()
    {
        using var scope = torch.NewDisposeScope();
        var r = torch.arange(0, 10, 1, torch.float32);
        Expect.Values([2, 4, 6], r.slice(0, 2, 8, 2));
        Expect.Values([3, 4, 5], r.narrow(0, 3, 3));
        Expect.Values([1, 4], Matrix().select(1, 1), shape: [2]);
        Expect.Values([3, 4, 5], Matrix().select(0, 1), shape: [3]);
        // A slice is a view: writing into it changes the source.
        var m = Matrix();
        m.slice(1, 0, 1, 1).fill_(-1);
        Expect.Values([-1, 1, 2, -1, 4, 5], m);
    }

    [Fact]
    public void IndexSelectGatherScatter()
    {
        using var scope = torch.NewDisposeScope();
        var m = Matrix();
        Expect.Values([3, 4, 5, 0, 1, 2, 3, 4, 5], m.index_select(0, torch.tensor(new long[] { 1, 0, 1 })), shape: [3, 3]);
        Expect.Values([2, 0, 5, 3], m.index_select(1, torch.tensor(new long[] { 2, 0 })), shape: [2, 2]);
        // gather along dim 1: out[i][j] = m[i][idx[i][j]]
        Expect.Values([2, 1, 3, 3], m.gather(1, torch.tensor(new long[] { 2, 1, 0, 0 }, [2, 2])), shape: [2, 2]);
        var zeros = torch.zeros([2, 3]);
        var src = torch.tensor(new float[] { 10, 20, 30, 40 }, [2, 2]);
        Expect.Values([20, 0, 10, 0, 30, 40], zeros.scatter(1, torch.tensor(new long[] { 2, 0, 1, 2 }, [2, 2]), src));
        Expect.Values([20, 0, 10, 0, 70, 0], zeros.scatter_add(1, torch.tensor(new long[] { 2, 0, 1, 1 }, [2, 2]), src)); // duplicates add up
        Expect.Values([0, 0, 0, 0, 0, 0], zeros); // out-of-place: the source is untouched
    }

    [Fact]
    public void IndexAddAndIndexCopy()
    {
        using var scope = torch.NewDisposeScope();
        var target = torch.zeros([3, 2]);
        var rows = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [3, 2]);
        var index = torch.tensor(new long[] { 2, 0, 2 });
        Expect.Values([3, 4, 0, 0, 6, 8], target.index_add(0, index, rows));
        var copyTarget = torch.zeros([3, 2]);
        copyTarget.index_copy_(0, torch.tensor(new long[] { 1, 0 }), torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2]));
        Expect.Values([3, 4, 1, 2, 0, 0], copyTarget);
    }

    [Fact]
    public void MasksWhereAndNonzero()
    {
        using var scope = torch.NewDisposeScope();
        var m = Matrix();
        var mask = m.gt(2.5);
        Assert.Equal(ScalarType.Bool, mask.dtype);
        Assert.Equal([false, false, false, true, true, true], mask.ToArray<bool>());
        Expect.Values([3, 4, 5], m.masked_select(mask), shape: [3]);
        var odd = m.remainder(2).eq(1);
        Expect.Values([0, -1, 2, -1, 4, -1], m.masked_fill(odd, -1));
        Expect.Values([0, 10, 2, 30, 4, 50], torch.where(odd, m * 10, m));
        var inPlace = m.clone();
        inPlace.masked_fill_(mask, 0);
        Expect.Values([0, 1, 2, 0, 0, 0], inPlace);
        var nonzero = torch.tensor(new float[] { 0, 1, 0, 1, 1, 1 }, [2, 3]).nonzero();
        Assert.Equal([4L, 2L], nonzero.shape);
        Assert.Equal([0L, 1, 1, 0, 1, 1, 1, 2], nonzero.ToArray<long>());
    }

    [Fact]
    public void Padding()
    {
        using var scope = torch.NewDisposeScope();
        var v = torch.tensor(new float[] { 1, 2 }, [1, 2]);
        Expect.Values([0, 1, 2, 0, 0], torch.nn.functional.pad(v, [1, 2]), shape: [1, 5]);
        Expect.Values([7, 7, 7, 7, 1, 2, 7, 7, 7], torch.nn.functional.pad(v, [1, 0, 1, 1], 7), shape: [3, 3]);
        var image = torch.arange(0, 4, 1, torch.float32).reshape(1, 1, 2, 2); // [[0 1] [2 3]]
        Expect.Values([1, 0, 1, 0, 3, 2, 3, 2], torch.nn.functional.reflection_pad2d(image, [1, 1, 0, 0]), shape: [1, 1, 2, 4]);
    }
}
