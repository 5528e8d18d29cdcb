namespace Elfs.Engine.Torch;

public unsafe partial class Tensor
{
    private static (Tensor values, Tensor indices) Pair(TensorHandle values, nint indices, string operation)
    {
        var v = Wrap(values, operation);
        return (v, Wrap(indices));
    }

    /// <summary>Sum of all elements.</summary>
    public Tensor sum() => Wrap(NativeMethods.elfs_sum(Handle), "sum");
    /// <summary>Sum over dimensions.</summary>
    public Tensor sum(long dim, bool keepdim = false) => sum([dim], keepdim);
    /// <summary>Sum over dimensions.</summary>
    public Tensor sum(long[] dims, bool keepdim = false) { fixed (long* p = dims) return Wrap(NativeMethods.elfs_sum_dim(Handle, p, dims.Length, keepdim ? 1 : 0), "sum"); }
    /// <summary>Mean of all elements.</summary>
    public Tensor mean() => Wrap(NativeMethods.elfs_mean(Handle), "mean");
    /// <summary>Mean over one dimension.</summary>
    public Tensor mean(long dim, bool keepdim = false) => mean([dim], keepdim);
    /// <summary>Mean over dimensions.</summary>
    public Tensor mean(long[] dims, bool keepdim = false) { fixed (long* p = dims) return Wrap(NativeMethods.elfs_mean_dim(Handle, p, dims.Length, keepdim ? 1 : 0), "mean"); }
    /// <summary>Variance over one dimension.</summary>
    public Tensor var(long dim, bool unbiased = true, bool keepdim = false)
    {
        long[] dims = [dim];
        fixed (long* p = dims) return Wrap(NativeMethods.elfs_var_dim(Handle, p, 1, unbiased ? 1 : 0, keepdim ? 1 : 0), "var");
    }
    /// <summary>Largest element.</summary>
    public Tensor max() => Wrap(NativeMethods.elfs_max(Handle), "max");
    /// <summary>Smallest element.</summary>
    public Tensor min() => Wrap(NativeMethods.elfs_min(Handle), "min");
    /// <summary>Largest values along a dimension and their indices.</summary>
    public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false) => Pair(NativeMethods.elfs_max_dim(Handle, dim, keepdim ? 1 : 0, out var i), i, "max");
    /// <summary>Smallest values along a dimension and their indices.</summary>
    public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false) => Pair(NativeMethods.elfs_min_dim(Handle, dim, keepdim ? 1 : 0, out var i), i, "min");
    /// <summary>Index of the largest value along a dimension.</summary>
    public Tensor argmax(long dim, bool keepdim = false) => Wrap(NativeMethods.elfs_argmax(Handle, dim, keepdim ? 1 : 0), "argmax");
    /// <summary>Index of the smallest value along a dimension.</summary>
    public Tensor argmin(long dim, bool keepdim = false) => Wrap(NativeMethods.elfs_argmin(Handle, dim, keepdim ? 1 : 0), "argmin");
    /// <summary>The k largest (or smallest) values along a dimension and their indices.</summary>
    public (Tensor values, Tensor indexes) topk(long k, long dim = -1, bool largest = true, bool sorted = true) =>
        Pair(NativeMethods.elfs_topk(Handle, k, dim, largest ? 1 : 0, sorted ? 1 : 0, out var i), i, "topk");
    /// <summary>Sorted values along a dimension and the permutation; <paramref name="stable"/> keeps ties in index order.</summary>
    public (Tensor values, Tensor indexes) sort(long dim = -1, bool descending = false, bool stable = false) =>
        Pair(NativeMethods.elfs_sort(Handle, dim, descending ? 1 : 0, stable ? 1 : 0, out var i), i, "sort");
    /// <summary>The permutation that sorts along a dimension.</summary>
    public Tensor argsort(long dim = -1, bool descending = false, bool stable = false) =>
        Wrap(NativeMethods.elfs_argsort(Handle, dim, descending ? 1 : 0, stable ? 1 : 0), "argsort");
    /// <summary>Running sum along a dimension.</summary>
    public Tensor cumsum(long dim) => Wrap(NativeMethods.elfs_cumsum(Handle, dim), "cumsum");
    /// <summary>p-norm over one dimension.</summary>
    public Tensor norm(long dim, double p = 2, bool keepdim = false)
    {
        long[] dims = [dim];
        fixed (long* q = dims) return Wrap(NativeMethods.elfs_norm_dim(Handle, p, q, 1, keepdim ? 1 : 0), "norm");
    }
    /// <summary>log Σ exp over one dimension, computed stably.</summary>
    public Tensor logsumexp(long dim, bool keepdim = false)
    {
        long[] dims = [dim];
        fixed (long* p = dims) return Wrap(NativeMethods.elfs_logsumexp(Handle, p, 1, keepdim ? 1 : 0), "logsumexp");
    }
    /// <summary>Whether any element is true.</summary>
    public Tensor any() => Wrap(NativeMethods.elfs_any(Handle), "any");
    /// <summary>Whether every element is true.</summary>
    public Tensor all() => Wrap(NativeMethods.elfs_all(Handle), "all");
    /// <summary>Counts of each value of a non-negative int64 1-D tensor.</summary>
    public Tensor bincount(long minlength = 0) => Wrap(NativeMethods.elfs_bincount(Handle, minlength), "bincount");
    /// <summary>Softmax along a dimension.</summary>
    public Tensor softmax(long dim) => Wrap(NativeMethods.elfs_softmax(Handle, dim), "softmax");
    /// <summary>Log-softmax along a dimension.</summary>
    public Tensor log_softmax(long dim) => Wrap(NativeMethods.elfs_log_softmax(Handle, dim), "log_softmax");
}
