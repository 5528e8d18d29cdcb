using System.Runtime.InteropServices;

namespace Elfs.Engine.Torch;

/// <summary>P/Invoke declarations of libelfs_native. Tensor-returning entries yield an invalid handle on failure.</summary>
internal static unsafe partial class NativeMethods
{
    private const string Lib = "elfs_native";

    // errors, lifetime, metadata
    [LibraryImport(Lib)] internal static partial nint elfs_last_error();
    [LibraryImport(Lib)] internal static partial void elfs_tensor_free(nint t);
    [LibraryImport(Lib)] internal static partial long elfs_live_tensors();
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_tensor_from_data(void* data, long* shape, int ndim, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial int elfs_tensor_copy_to(TensorHandle t, void* destination, long byteCount);
    [LibraryImport(Lib)] internal static partial int elfs_tensor_ndim(TensorHandle t);
    [LibraryImport(Lib)] internal static partial void elfs_tensor_shape(TensorHandle t, long* shape);
    [LibraryImport(Lib)] internal static partial int elfs_tensor_dtype(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int elfs_tensor_device_type(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int elfs_tensor_device_index(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_tensor_to(TensorHandle t, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_tensor_clone(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_tensor_contiguous(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_tensor_alias(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int elfs_tensor_to_string(TensorHandle t, byte* buffer, int capacity);

    // creation and randomness
    [LibraryImport(Lib)] internal static partial nint elfs_generator_new(ulong seed);
    [LibraryImport(Lib)] internal static partial void elfs_generator_free(nint g);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_zeros(long* shape, int ndim, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_ones(long* shape, int ndim, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_empty(long* shape, int ndim, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_full(long* shape, int ndim, double value, int isInt, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_arange(double start, double end, double step, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_linspace(double start, double end, long steps, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_eye(long n, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_rand(long* shape, int ndim, GeneratorHandle g, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_randn(long* shape, int ndim, GeneratorHandle g, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_randint(long low, long high, long* shape, int ndim, GeneratorHandle g, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_randperm(long n, GeneratorHandle g, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_multinomial(TensorHandle probs, long samples, int replacement, GeneratorHandle g);
    [LibraryImport(Lib)] internal static partial int elfs_uniform_(TensorHandle t, double from, double to, GeneratorHandle g);
    [LibraryImport(Lib)] internal static partial int elfs_normal_(TensorHandle t, double mean, double std, GeneratorHandle g);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_bernoulli(TensorHandle probs, GeneratorHandle g);

    // shape
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_view(TensorHandle t, long* shape, int n);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_reshape(TensorHandle t, long* shape, int n);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_expand(TensorHandle t, long* shape, int n);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_repeat(TensorHandle t, long* reps, int n);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_permute(TensorHandle t, long* order, int n);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_flip(TensorHandle t, long* dims, int n);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_transpose(TensorHandle t, long d0, long d1);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_unsqueeze(TensorHandle t, long d);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_squeeze(TensorHandle t, long d);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_flatten(TensorHandle t, long start, long end);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_slice(TensorHandle t, long d, long start, long end, long step);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_select(TensorHandle t, long d, long index);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_cat(nint* items, int n, long d);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_stack(nint* items, int n, long d);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_index_select(TensorHandle t, long d, TensorHandle index);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_gather(TensorHandle t, long d, TensorHandle index);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_scatter(TensorHandle t, long d, TensorHandle index, TensorHandle src);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_scatter_add(TensorHandle t, long d, TensorHandle index, TensorHandle src);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_index_add(TensorHandle t, long d, TensorHandle index, TensorHandle src);
    [LibraryImport(Lib)] internal static partial int elfs_index_copy_(TensorHandle t, long d, TensorHandle index, TensorHandle src);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_masked_select(TensorHandle t, TensorHandle mask);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_masked_fill(TensorHandle t, TensorHandle mask, double v, int isInt);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_where(TensorHandle cond, TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_nonzero(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_constant_pad(TensorHandle t, long* pads, int n, double value);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_reflection_pad2d(TensorHandle t, long* pads, int n);

    // math
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_unary(int op, TensorHandle a);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_binary(int op, TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_binary_scalar(int op, TensorHandle a, double s, int isInt);
    [LibraryImport(Lib)] internal static partial int elfs_binary_(int op, TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial int elfs_binary_scalar_(int op, TensorHandle a, double s, int isInt);
    [LibraryImport(Lib)] internal static partial int elfs_add_scaled_(TensorHandle a, TensorHandle b, double alpha);
    [LibraryImport(Lib)] internal static partial int elfs_addcmul_(TensorHandle a, TensorHandle t1, TensorHandle t2, double value);
    [LibraryImport(Lib)] internal static partial int elfs_addcdiv_(TensorHandle a, TensorHandle t1, TensorHandle t2, double value);
    [LibraryImport(Lib)] internal static partial int elfs_lerp_(TensorHandle a, TensorHandle end, double weight);
    [LibraryImport(Lib)] internal static partial int elfs_copy_(TensorHandle dst, TensorHandle src);
    [LibraryImport(Lib)] internal static partial int elfs_fill_(TensorHandle t, double v, int isInt);
    [LibraryImport(Lib)] internal static partial int elfs_zero_(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int elfs_masked_fill_(TensorHandle t, TensorHandle mask, double v, int isInt);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_clamp(TensorHandle t, double min, int hasMin, double max, int hasMax);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_mm(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_matmul(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_bmm(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_baddbmm(TensorHandle self, TensorHandle a, TensorHandle b, double beta, double alpha);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_addmm(TensorHandle self, TensorHandle a, TensorHandle b, double beta, double alpha);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial TensorHandle elfs_einsum(string equation, nint* items, int n);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_cdist(TensorHandle a, TensorHandle b);

    // reductions
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_sum(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_sum_dim(TensorHandle t, long* dims, int n, int keepdim);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_mean(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_mean_dim(TensorHandle t, long* dims, int n, int keepdim);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_var_dim(TensorHandle t, long* dims, int n, int unbiased, int keepdim);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_max(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_min(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_max_dim(TensorHandle t, long d, int keepdim, out nint indices);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_min_dim(TensorHandle t, long d, int keepdim, out nint indices);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_argmax(TensorHandle t, long d, int keepdim);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_argmin(TensorHandle t, long d, int keepdim);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_topk(TensorHandle t, long k, long d, int largest, int sorted, out nint indices);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_sort(TensorHandle t, long d, int descending, int stable, out nint indices);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_argsort(TensorHandle t, long d, int descending, int stable);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_cumsum(TensorHandle t, long d);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_norm_dim(TensorHandle t, double p, long* dims, int n, int keepdim);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_logsumexp(TensorHandle t, long* dims, int n, int keepdim);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_any(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_all(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_bincount(TensorHandle t, long minlength);

    // nn functions
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_softmax(TensorHandle t, long d);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_log_softmax(TensorHandle t, long d);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_normalize(TensorHandle t, double p, long d, double eps);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_cross_entropy(TensorHandle logits, TensorHandle target, int reduction, double labelSmoothing);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_mse_loss(TensorHandle a, TensorHandle b, int reduction);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_linear(TensorHandle x, TensorHandle w, nint b);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_conv2d(TensorHandle x, TensorHandle w, nint b, long stride, long padding, long dilation, long groups);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_batch_norm(TensorHandle x, nint weight, nint bias, nint runningMean, nint runningVar, int training, double momentum, double eps);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_max_pool2d(TensorHandle x, long kernel, long stride, long padding);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_avg_pool2d(TensorHandle x, long kernel, long stride, long padding);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_adaptive_avg_pool2d(TensorHandle x, long h, long w);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_interpolate(TensorHandle x, long h, long w, int mode, int alignCorners);

    // autograd
    [LibraryImport(Lib)] internal static partial int elfs_requires_grad_(TensorHandle t, int value);
    [LibraryImport(Lib)] internal static partial int elfs_requires_grad(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int elfs_is_leaf(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int elfs_backward(TensorHandle t, nint gradient);
    [LibraryImport(Lib)] internal static partial int elfs_grad(TensorHandle t, out nint grad);
    [LibraryImport(Lib)] internal static partial int elfs_grad_reset(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_detach(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int elfs_set_data(TensorHandle t, TensorHandle source);
    [LibraryImport(Lib)] internal static partial int elfs_grad_enabled();
    [LibraryImport(Lib)] internal static partial void elfs_grad_set_enabled(int enabled);

    // TorchScript
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial nint elfs_jit_load(string path, int dt, int di);
    [LibraryImport(Lib)] internal static partial nint elfs_jit_define(byte* source, nint* names, nint* values, int count);
    [LibraryImport(Lib)] internal static partial void elfs_jit_free(nint module);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int elfs_jit_save(ScriptModuleHandle module, string path);
    [LibraryImport(Lib)] internal static partial int elfs_jit_eval(ScriptModuleHandle module);
    [LibraryImport(Lib)] internal static partial int elfs_jit_to(ScriptModuleHandle module, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial int elfs_jit_to_device(ScriptModuleHandle module, int dt, int di);
    [LibraryImport(Lib)] internal static partial TensorHandle elfs_jit_forward(ScriptModuleHandle module, nint* inputs, int count);

    // runtime
    [LibraryImport(Lib)] internal static partial int elfs_torch_version(byte* buffer, int capacity);
    [LibraryImport(Lib)] internal static partial int elfs_build_config(byte* buffer, int capacity);
    [LibraryImport(Lib)] internal static partial void elfs_set_num_threads(int n);
    [LibraryImport(Lib)] internal static partial int elfs_get_num_threads();
    [LibraryImport(Lib)] internal static partial void elfs_manual_seed(ulong seed);
    [LibraryImport(Lib)] internal static partial int elfs_cuda_is_available();
    [LibraryImport(Lib)] internal static partial int elfs_cuda_device_count();
    [LibraryImport(Lib)] internal static partial int elfs_cuda_has_support();
    [LibraryImport(Lib)] internal static partial int elfs_cuda_memory(int device, out long allocated, out long peak);
    [LibraryImport(Lib)] internal static partial int elfs_cuda_reset_peak(int device);
    [LibraryImport(Lib)] internal static partial int elfs_cuda_synchronize();
    [LibraryImport(Lib)] internal static partial int elfs_blas_library(byte* buffer, int capacity);

}
