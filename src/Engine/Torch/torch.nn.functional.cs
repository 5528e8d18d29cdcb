namespace Elfs.Engine.Torch;

public static partial class torch
{
    /// <summary>Neural-network building blocks (modules live in <see cref="Elfs.Engine.Torch.Modules"/>).</summary>
    public static partial class nn
    {
        /// <summary>Stateless neural-network functions, as <c>torch.nn.functional</c>.</summary>
        public static class functional
        {
            /// <summary>Softmax along a dimension.</summary>
            public static Tensor softmax(Tensor x, long dim) => x.softmax(dim);

            /// <summary>Log-softmax along a dimension.</summary>
            public static Tensor log_softmax(Tensor x, long dim) => x.log_softmax(dim);

            /// <summary>x / max(‖x‖_p, eps) along a dimension.</summary>
            public static Tensor normalize(Tensor x, double p = 2, long dim = 1, double eps = 1e-12) =>
                Tensor.Wrap(NativeMethods.elfs_normalize(x.Handle, p, dim, eps), "normalize");

            /// <summary>max(x, 0).</summary>
            public static Tensor relu(Tensor x) => x.relu();

            /// <summary>GELU (erf form).</summary>
            public static Tensor gelu(Tensor x) => x.gelu();

            /// <summary>Cross-entropy of logits [N, C] against int64 class targets [N].</summary>
            public static Tensor cross_entropy(Tensor logits, Tensor target, Reduction reduction = Reduction.Mean, double label_smoothing = 0) =>
                Tensor.Wrap(NativeMethods.elfs_cross_entropy(logits.Handle, target.Handle, (int)reduction, label_smoothing), "cross_entropy");

            /// <summary>Mean squared error.</summary>
            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                Tensor.Wrap(NativeMethods.elfs_mse_loss(input.Handle, target.Handle, (int)reduction), "mse_loss");

            /// <summary>x·Wᵀ + b.</summary>
            public static Tensor linear(Tensor x, Tensor weight, Tensor? bias = null)
            {
                var result = NativeMethods.elfs_linear(x.Handle, weight.Handle, Raw(bias));
                GC.KeepAlive(bias);
                return Tensor.Wrap(result, "linear");
            }

            /// <summary>2-D convolution of [N, C, H, W] input with square stride/padding/dilation.</summary>
            public static Tensor conv2d(Tensor x, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long dilation = 1, long groups = 1)
            {
                var result = NativeMethods.elfs_conv2d(x.Handle, weight.Handle, Raw(bias), stride, padding, dilation, groups);
                GC.KeepAlive(bias);
                return Tensor.Wrap(result, "conv2d");
            }

            /// <summary>Batch normalisation; in training it updates the running statistics in place.</summary>
            public static Tensor batch_norm(Tensor x, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias, bool training, double momentum = 0.1, double eps = 1e-5)
            {
                var result = NativeMethods.elfs_batch_norm(x.Handle, Raw(weight), Raw(bias), Raw(runningMean), Raw(runningVar), training ? 1 : 0, momentum, eps);
                GC.KeepAlive(weight);
                GC.KeepAlive(bias);
                GC.KeepAlive(runningMean);
                GC.KeepAlive(runningVar);
                return Tensor.Wrap(result, "batch_norm");
            }

            /// <summary>Max pooling with a square window.</summary>
            public static Tensor max_pool2d(Tensor x, long kernel, long? stride = null, long padding = 0) =>
                Tensor.Wrap(NativeMethods.elfs_max_pool2d(x.Handle, kernel, stride ?? kernel, padding), "max_pool2d");

            /// <summary>Average pooling with a square window.</summary>
            public static Tensor avg_pool2d(Tensor x, long kernel, long? stride = null, long padding = 0) =>
                Tensor.Wrap(NativeMethods.elfs_avg_pool2d(x.Handle, kernel, stride ?? kernel, padding), "avg_pool2d");

            /// <summary>Average pooling to a fixed output size.</summary>
            public static Tensor adaptive_avg_pool2d(Tensor x, long height, long width) =>
                Tensor.Wrap(NativeMethods.elfs_adaptive_avg_pool2d(x.Handle, height, width), "adaptive_avg_pool2d");

            /// <summary>Resizes [N, C, H, W] images.</summary>
            public static Tensor interpolate(Tensor x, long height, long width, InterpolationMode mode = InterpolationMode.Bilinear, bool align_corners = false) =>
                Tensor.Wrap(NativeMethods.elfs_interpolate(x.Handle, height, width, (int)mode, align_corners ? 1 : 0), "interpolate");

            /// <summary>Pads the last dimensions with a constant; <paramref name="pads"/> as in PyTorch (last dimension first).</summary>
            public static unsafe Tensor pad(Tensor x, long[] pads, double value = 0)
            {
                fixed (long* p = pads) return Tensor.Wrap(NativeMethods.elfs_constant_pad(x.Handle, p, pads.Length, value), "pad");
            }

            /// <summary>Reflection padding of [N, C, H, W] images: (left, right, top, bottom).</summary>
            public static unsafe Tensor reflection_pad2d(Tensor x, long[] pads)
            {
                fixed (long* p = pads) return Tensor.Wrap(NativeMethods.elfs_reflection_pad2d(x.Handle, p, pads.Length), "reflection_pad2d");
            }

            private static nint Raw(Tensor? t) => t is null ? 0 : t.Handle.DangerousGetHandle();
        }
    }
}
