namespace Elfs.Engine.Torch;

public unsafe partial class Tensor
{
    /// <summary>A view with another shape (one size may be −1).</summary>
    public Tensor view(params long[] shape) { fixed (long* p = shape) return Wrap(NativeMethods.elfs_view(Handle, p, shape.Length), "view"); }
    /// <summary>The same values with another shape, copying only when needed.</summary>
    public Tensor reshape(params long[] shape) { fixed (long* p = shape) return Wrap(NativeMethods.elfs_reshape(Handle, p, shape.Length), "reshape"); }
    /// <summary>A broadcast view with larger sizes (−1 keeps a size).</summary>
    public Tensor expand(params long[] shape) { fixed (long* p = shape) return Wrap(NativeMethods.elfs_expand(Handle, p, shape.Length), "expand"); }
    /// <summary>Tiles the tensor along each dimension.</summary>
    public Tensor repeat(params long[] repeats) { fixed (long* p = repeats) return Wrap(NativeMethods.elfs_repeat(Handle, p, repeats.Length), "repeat"); }
    /// <summary>Reorders the dimensions.</summary>
    public Tensor permute(params long[] order) { fixed (long* p = order) return Wrap(NativeMethods.elfs_permute(Handle, p, order.Length), "permute"); }
    /// <summary>Reverses the order along the given dimensions.</summary>
    public Tensor flip(params long[] dims) { fixed (long* p = dims) return Wrap(NativeMethods.elfs_flip(Handle, p, dims.Length), "flip"); }
    /// <summary>Swaps two dimensions.</summary>
    public Tensor transpose(long dim0, long dim1) => Wrap(NativeMethods.elfs_transpose(Handle, dim0, dim1), "transpose");
    /// <summary>The transpose of a 2-D tensor.</summary>
    public Tensor t() => transpose(0, 1);
    /// <summary>Inserts a dimension of size one.</summary>
    public Tensor unsqueeze(long dim) => Wrap(NativeMethods.elfs_unsqueeze(Handle, dim), "unsqueeze");
    /// <summary>Removes a dimension of size one.</summary>
    public Tensor squeeze(long dim) => Wrap(NativeMethods.elfs_squeeze(Handle, dim), "squeeze");
    /// <summary>Flattens dimensions <paramref name="start"/>..<paramref name="end"/> into one.</summary>
    public Tensor flatten(long start = 0, long end = -1) => Wrap(NativeMethods.elfs_flatten(Handle, start, end), "flatten");
    /// <summary>The slice [start, end) with a step along one dimension (a view).</summary>
    public Tensor slice(long dim, long start, long end, long step = 1) => Wrap(NativeMethods.elfs_slice(Handle, dim, start, end, step), "slice");
    /// <summary>Elements [start, start+length) along one dimension (a view).</summary>
    public Tensor narrow(long dim, long start, long length) => slice(dim, start, start + length);
    /// <summary>The sub-tensor at <paramref name="index"/> along one dimension, which is removed (a view).</summary>
    public Tensor select(long dim, long index) => Wrap(NativeMethods.elfs_select(Handle, dim, index), "select");
    /// <summary>Rows (or slices along <paramref name="dim"/>) picked by an int64 index tensor.</summary>
    public Tensor index_select(long dim, Tensor index) => Wrap(NativeMethods.elfs_index_select(Handle, dim, index.Handle), "index_select");
    /// <summary>Values gathered along <paramref name="dim"/> at an int64 index tensor.</summary>
    public Tensor gather(long dim, Tensor index) => Wrap(NativeMethods.elfs_gather(Handle, dim, index.Handle), "gather");
    /// <summary>A copy with <paramref name="source"/> written at <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public Tensor scatter(long dim, Tensor index, Tensor source) => Wrap(NativeMethods.elfs_scatter(Handle, dim, index.Handle, source.Handle), "scatter");
    /// <summary>A copy with <paramref name="source"/> added at <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public Tensor scatter_add(long dim, Tensor index, Tensor source) => Wrap(NativeMethods.elfs_scatter_add(Handle, dim, index.Handle, source.Handle), "scatter_add");
    /// <summary>A copy with slices of <paramref name="source"/> added at the positions in <paramref name="index"/>.</summary>
    public Tensor index_add(long dim, Tensor index, Tensor source) => Wrap(NativeMethods.elfs_index_add(Handle, dim, index.Handle, source.Handle), "index_add");
    /// <summary>In place: slices of <paramref name="source"/> copied to the positions in <paramref name="index"/>.</summary>
    public Tensor index_copy_(long dim, Tensor index, Tensor source)
    {
        TorchException.Check(NativeMethods.elfs_index_copy_(Handle, dim, index.Handle, source.Handle), "index_copy_");
        return this;
    }
    /// <summary>The elements where the bool <paramref name="mask"/> is true, as a 1-D tensor.</summary>
    public Tensor masked_select(Tensor mask) => Wrap(NativeMethods.elfs_masked_select(Handle, mask.Handle), "masked_select");
    /// <summary>A copy with elements where <paramref name="mask"/> is true set to <paramref name="value"/>.</summary>
    public Tensor masked_fill(Tensor mask, double value) =>
        Wrap(NativeMethods.elfs_masked_fill(Handle, mask.Handle, value, Dtypes.IsFloating(dtype) ? 0 : 1), "masked_fill");
    /// <summary>Indices of non-zero elements, one row per element.</summary>
    public Tensor nonzero() => Wrap(NativeMethods.elfs_nonzero(Handle), "nonzero");
}
