namespace Elfs.Engine.Torch;

/// <summary>
/// The entry point of the binding, named and shaped after TorchSharp's <c>torch</c> class so that moving to TorchSharp
/// is a namespace change: factories, free functions, scopes and runtime settings.
/// </summary>
public static unsafe partial class torch
{
    // libtorch starts with one intra-op thread on some machines; use every core unless configured otherwise.
    static torch() => NativeMethods.elfs_set_num_threads(Environment.ProcessorCount);

    /// <summary>32-bit float.</summary>
    public const ScalarType float32 = ScalarType.Float32;
    /// <summary>16-bit float.</summary>
    public const ScalarType float16 = ScalarType.Float16;
    /// <summary>Brain float 16.</summary>
    public const ScalarType bfloat16 = ScalarType.BFloat16;
    /// <summary>64-bit float.</summary>
    public const ScalarType float64 = ScalarType.Float64;
    /// <summary>64-bit integer.</summary>
    public const ScalarType int64 = ScalarType.Int64;
    /// <summary>32-bit integer.</summary>
    public const ScalarType int32 = ScalarType.Int32;
    /// <summary>Unsigned byte.</summary>
    public const ScalarType uint8 = ScalarType.Byte;
    /// <summary>Boolean.</summary>
    public const ScalarType @bool = ScalarType.Bool;

    /// <summary>The host device.</summary>
    public static Device CPU => Device.CPU;

    /// <summary>Opens a scope that disposes every tensor created inside it (on this thread) when disposed.</summary>
    public static DisposeScope NewDisposeScope() => new();

    /// <summary>Turns off gradient recording on this thread until the returned object is disposed.</summary>
    public static IDisposable no_grad() => new GradModeScope(false);

    /// <summary>Turns gradient recording on (e.g. inside a <see cref="no_grad"/> block) until disposed.</summary>
    public static IDisposable enable_grad() => new GradModeScope(true);

    /// <summary>Whether gradient recording is on for this thread.</summary>
    public static bool is_grad_enabled() => NativeMethods.elfs_grad_enabled() != 0;

    /// <summary>A tensor holding a copy of <paramref name="data"/> with the given shape (default: 1-D).</summary>
    public static Tensor tensor<T>(ReadOnlySpan<T> data, long[]? shape = null, Device? device = null) where T : unmanaged
    {
        shape ??= [data.Length];
        long count = 1;
        foreach (var d in shape) count *= d;
        if (count != data.Length)
            throw new ArgumentException($"tensor: {data.Length} values do not fill shape [{string.Join(", ", shape)}] ({count} elements)");
        var target = device ?? Device.CPU;
        fixed (T* p = data)
        fixed (long* s = shape)
            return Tensor.Wrap(NativeMethods.elfs_tensor_from_data(p, s, shape.Length, (int)Dtypes.Of<T>(), (int)target.Type, target.Index), "tensor");
    }

    /// <summary>A tensor holding a copy of <paramref name="data"/> with the given shape (default: 1-D).</summary>
    public static Tensor tensor<T>(T[] data, long[]? shape = null, Device? device = null) where T : unmanaged =>
        tensor((ReadOnlySpan<T>)data, shape, device);

    /// <summary>A tensor holding a copy of a 2-D array.</summary>
    public static Tensor tensor<T>(T[,] data, Device? device = null) where T : unmanaged
    {
        fixed (T* p = data)
            return tensor(new ReadOnlySpan<T>(p, data.Length), [data.GetLength(0), data.GetLength(1)], device);
    }

    /// <summary>A one-element tensor of rank 0.</summary>
    public static Tensor scalar_tensor(double value, ScalarType dtype = float32, Device? device = null) => full([], value, dtype, device);

    /// <summary>Zeros.</summary>
    public static Tensor zeros(long[] shape, ScalarType dtype = float32, Device? device = null) =>
        Create(shape, dtype, device, (s, n, t, dt, di) => NativeMethods.elfs_zeros(s, n, t, dt, di), "zeros");

    /// <summary>Ones.</summary>
    public static Tensor ones(long[] shape, ScalarType dtype = float32, Device? device = null) =>
        Create(shape, dtype, device, (s, n, t, dt, di) => NativeMethods.elfs_ones(s, n, t, dt, di), "ones");

    /// <summary>Uninitialised memory.</summary>
    public static Tensor empty(long[] shape, ScalarType dtype = float32, Device? device = null) =>
        Create(shape, dtype, device, (s, n, t, dt, di) => NativeMethods.elfs_empty(s, n, t, dt, di), "empty");

    /// <summary>Every element equal to <paramref name="value"/>.</summary>
    public static Tensor full(long[] shape, double value, ScalarType dtype = float32, Device? device = null) =>
        Create(shape, dtype, device, (s, n, t, dt, di) => NativeMethods.elfs_full(s, n, value, Dtypes.IsFloating(dtype) ? 0 : 1, t, dt, di), "full");

    /// <summary>Zeros shaped, typed and placed like <paramref name="other"/>.</summary>
    public static Tensor zeros_like(Tensor other) => zeros(other.shape, other.dtype, other.device);

    /// <summary>Ones shaped, typed and placed like <paramref name="other"/>.</summary>
    public static Tensor ones_like(Tensor other) => ones(other.shape, other.dtype, other.device);

    /// <summary>start, start+step, … below end.</summary>
    public static Tensor arange(double start, double end, double step = 1, ScalarType dtype = int64, Device? device = null)
    {
        var d = device ?? Device.CPU;
        return Tensor.Wrap(NativeMethods.elfs_arange(start, end, step, (int)dtype, (int)d.Type, d.Index), "arange");
    }

    /// <summary>0, 1, …, end−1.</summary>
    public static Tensor arange(long end, ScalarType dtype = int64, Device? device = null) => arange(0, end, 1, dtype, device);

    /// <summary><paramref name="steps"/> evenly spaced values from start to end inclusive.</summary>
    public static Tensor linspace(double start, double end, long steps, ScalarType dtype = float32, Device? device = null)
    {
        var d = device ?? Device.CPU;
        return Tensor.Wrap(NativeMethods.elfs_linspace(start, end, steps, (int)dtype, (int)d.Type, d.Index), "linspace");
    }

    /// <summary>The n×n identity.</summary>
    public static Tensor eye(long n, ScalarType dtype = float32, Device? device = null)
    {
        var d = device ?? Device.CPU;
        return Tensor.Wrap(NativeMethods.elfs_eye(n, (int)dtype, (int)d.Type, d.Index), "eye");
    }

    private delegate TensorHandle Factory(long* shape, int ndim, int dtype, int deviceType, int deviceIndex);

    private static Tensor Create(long[] shape, ScalarType dtype, Device? device, Factory factory, string operation)
    {
        var d = device ?? Device.CPU;
        fixed (long* s = shape) return Tensor.Wrap(factory(s, shape.Length, (int)dtype, (int)d.Type, d.Index), operation);
    }

    /// <summary>Joins tensors along an existing dimension.</summary>
    public static Tensor cat(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(tensors, dim, join: true);

    /// <summary>Joins tensors along a new dimension.</summary>
    public static Tensor stack(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(tensors, dim, join: false);

    private static Tensor Join(IReadOnlyList<Tensor> tensors, long dim, bool join)
    {
        var handles = HandlesOf(tensors);
        fixed (nint* p = handles)
        {
            var result = join ? NativeMethods.elfs_cat(p, handles.Length, dim) : NativeMethods.elfs_stack(p, handles.Length, dim);
            GC.KeepAlive(tensors);
            return Tensor.Wrap(result, join ? "cat" : "stack");
        }
    }

    /// <summary>Einstein summation, e.g. <c>einsum("hbk,hkc->hbc", a, b)</c>.</summary>
    public static Tensor einsum(string equation, params Tensor[] operands)
    {
        var handles = HandlesOf(operands);
        fixed (nint* p = handles)
        {
            var result = NativeMethods.elfs_einsum(equation, p, handles.Length);
            GC.KeepAlive(operands);
            return Tensor.Wrap(result, "einsum");
        }
    }

    internal static nint[] HandlesOf(IReadOnlyList<Tensor> tensors)
    {
        var handles = new nint[tensors.Count];
        for (var i = 0; i < handles.Length; i++) handles[i] = tensors[i].Handle.DangerousGetHandle();
        return handles;
    }

    /// <summary>Elementwise choice: <paramref name="a"/> where <paramref name="condition"/> is true, else <paramref name="b"/>.</summary>
    public static Tensor where(Tensor condition, Tensor a, Tensor b) => Tensor.Wrap(NativeMethods.elfs_where(condition.Handle, a.Handle, b.Handle), "where");

    /// <summary>Matrix product.</summary>
    public static Tensor mm(Tensor a, Tensor b) => a.mm(b);

    /// <summary>Broadcasting matrix product.</summary>
    public static Tensor matmul(Tensor a, Tensor b) => a.matmul(b);

    /// <summary>Batched matrix product.</summary>
    public static Tensor bmm(Tensor a, Tensor b) => a.bmm(b);

    /// <summary>Pairwise Euclidean distances between the rows of two matrices.</summary>
    public static Tensor cdist(Tensor a, Tensor b) => Tensor.Wrap(NativeMethods.elfs_cdist(a.Handle, b.Handle), "cdist");

    /// <summary>Sorted values along a dimension and their permutation.</summary>
    public static (Tensor values, Tensor indexes) sort(Tensor t, long dim = -1, bool descending = false, bool stable = false) => t.sort(dim, descending, stable);

    /// <summary>The k largest values along a dimension and their indices.</summary>
    public static (Tensor values, Tensor indexes) topk(Tensor t, long k, long dim = -1, bool largest = true, bool sorted = true) => t.topk(k, dim, largest, sorted);

    /// <summary>Seeds libtorch's global generator (ops without an explicit <see cref="Generator"/>).</summary>
    public static void manual_seed(ulong seed) => NativeMethods.elfs_manual_seed(seed);

    /// <summary>Sets libtorch's intra-op thread count.</summary>
    public static void set_num_threads(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "thread count must be at least 1");
        NativeMethods.elfs_set_num_threads(threads);
    }

    /// <summary>libtorch's intra-op thread count.</summary>
    public static int get_num_threads() => NativeMethods.elfs_get_num_threads();

    /// <summary>Native tensors alive in this process (for leak checks).</summary>
    public static long LiveTensorCount => NativeMethods.elfs_live_tensors();

    /// <summary>libtorch's version, e.g. "1.13.1".</summary>
    public static string __version__ => ReadText(NativeMethods.elfs_torch_version);

    /// <summary>libtorch's build configuration (compiler, BLAS, CUDA) as it prints it.</summary>
    public static string BuildConfig => ReadText(NativeMethods.elfs_build_config);

    private delegate int TextReader(byte* buffer, int capacity);

    private static string ReadText(TextReader reader)
    {
        var buffer = new byte[1 << 16];
        fixed (byte* p = buffer)
        {
            reader(p, buffer.Length);
            return System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)p) ?? "";
        }
    }

    private sealed class GradModeScope : IDisposable
    {
        private readonly bool previous;
        private bool disposed;

        public GradModeScope(bool enabled)
        {
            previous = is_grad_enabled();
            NativeMethods.elfs_grad_set_enabled(enabled ? 1 : 0);
        }

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            NativeMethods.elfs_grad_set_enabled(previous ? 1 : 0);
        }
    }
}
