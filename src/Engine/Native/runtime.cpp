// Process-wide runtime facts and settings: version, threads, seeds, CUDA, build configuration.
#include "elfs_api.h"
#include <torch/version.h>
#include <torch/cuda.h>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#ifdef ELFS_WITH_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAFunctions.h>
#endif

static int copy_text(const std::string& text, char* buffer, int capacity) {
    auto n = std::min<size_t>(text.size(), static_cast<size_t>(capacity - 1));
    std::memcpy(buffer, text.data(), n);
    buffer[n] = 0;
    return static_cast<int>(text.size());
}

ELFS_API int elfs_torch_version(char* buffer, int capacity) { return copy_text(TORCH_VERSION, buffer, capacity); }
ELFS_API int elfs_build_config(char* buffer, int capacity) {
    try { return copy_text(at::show_config(), buffer, capacity); } catch (...) { return copy_text("", buffer, capacity); }
}
ELFS_API void elfs_set_num_threads(int n) { at::set_num_threads(n); }
ELFS_API int elfs_get_num_threads() { return at::get_num_threads(); }
ELFS_API void elfs_manual_seed(uint64_t seed) { torch::manual_seed(seed); }
ELFS_API int elfs_cuda_is_available() { return torch::cuda::is_available() ? 1 : 0; }
ELFS_API int elfs_cuda_device_count() { return static_cast<int>(torch::cuda::device_count()); }
ELFS_API int elfs_cuda_has_support() {
#ifdef ELFS_WITH_CUDA
    return 1;
#else
    return 0;
#endif
}

// Bytes allocated and peak bytes on one CUDA device; zeros when built without CUDA.
ELFS_API int elfs_cuda_memory(int device, int64_t* allocated, int64_t* peak) {
    *allocated = 0;
    *peak = 0;
#ifdef ELFS_WITH_CUDA
    ELFS_RETURN_STATUS({
        auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device);
        *allocated = stats.allocated_bytes[0].current;
        *peak = stats.allocated_bytes[0].peak;
    })
#else
    return 0;
#endif
}
ELFS_API int elfs_cuda_reset_peak(int device) {
#ifdef ELFS_WITH_CUDA
    ELFS_RETURN_STATUS(c10::cuda::CUDACachingAllocator::resetPeakStats(device))
#else
    return 0;
#endif
}
ELFS_API int elfs_cuda_synchronize() {
#ifdef ELFS_WITH_CUDA
    ELFS_RETURN_STATUS(torch::cuda::synchronize())
#else
    return 0;
#endif
}

// The file that provides sgemm_ to this library's dependency tree (the same search order the loader used for
// libtorch), symlinks resolved: the BLAS that matrix products really call. Empty when none is found (e.g. MKL linked
// statically into libtorch).
ELFS_API int elfs_blas_library(char* buffer, int capacity) {
    std::string path;
    Dl_info self{};
    if (dladdr(reinterpret_cast<void*>(&elfs_blas_library), &self) != 0 && self.dli_fname != nullptr) {
        if (void* library = dlopen(self.dli_fname, RTLD_LAZY | RTLD_NOLOAD)) {
            Dl_info provider{};
            void* gemm = dlsym(library, "sgemm_");
            if (gemm != nullptr && dladdr(gemm, &provider) != 0 && provider.dli_fname != nullptr) {
                char resolved[PATH_MAX];
                path = realpath(provider.dli_fname, resolved) != nullptr ? resolved : provider.dli_fname;
            }
            dlclose(library);
        }
    }
    return copy_text(path, buffer, capacity);
}
