namespace Elfs.Engine.Torch;

public static partial class torch
{
    /// <summary>CUDA facts: availability, device count, memory.</summary>
    public static class cuda
    {
        /// <summary>Whether this libtorch has CUDA support and a GPU is visible.</summary>
        public static bool is_available() => NativeMethods.elfs_cuda_is_available() != 0;

        /// <summary>The number of visible GPUs.</summary>
        public static int device_count() => NativeMethods.elfs_cuda_device_count();

        /// <summary>Whether the native library was compiled against a CUDA-enabled libtorch.</summary>
        public static bool compiled_with_cuda() => NativeMethods.elfs_cuda_has_support() != 0;

        /// <summary>Bytes currently allocated on a device by libtorch's caching allocator.</summary>
        public static long memory_allocated(int device = 0) => Memory(device).allocated;

        /// <summary>Peak bytes allocated on a device since start or the last reset.</summary>
        public static long max_memory_allocated(int device = 0) => Memory(device).peak;

        /// <summary>Starts a new peak measurement.</summary>
        public static void reset_peak_memory_stats(int device = 0) =>
            TorchException.Check(NativeMethods.elfs_cuda_reset_peak(device), "reset_peak_memory_stats");

        /// <summary>Waits for all queued GPU work (for timing).</summary>
        public static void synchronize() => TorchException.Check(NativeMethods.elfs_cuda_synchronize(), "synchronize");

        private static (long allocated, long peak) Memory(int device)
        {
            TorchException.Check(NativeMethods.elfs_cuda_memory(device, out var allocated, out var peak), "cuda memory");
            return (allocated, peak);
        }
    }
}
