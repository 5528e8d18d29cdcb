// Tensor lifetime, metadata and bulk copies between managed memory and tensors.
#include "elfs_api.h"
#include <cstring>

using elfs::Tensor;

ELFS_API void elfs_tensor_free(Tensor* t) {
    if (t == nullptr) return;
    delete t;
    elfs::live_tensor_count().fetch_sub(1, std::memory_order_relaxed);
}

ELFS_API int64_t elfs_live_tensors() { return elfs::live_tensor_count().load(); }

ELFS_API Tensor* elfs_tensor_from_data(const void* data, const int64_t* shape, int ndim, int dtype,
                                       int device_type, int device_index) {
    ELFS_RETURN_TENSOR(([&] {
        auto cpu = at::empty(elfs::dims(shape, ndim), at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)));
        if (cpu.numel() > 0) std::memcpy(cpu.data_ptr(), data, cpu.numel() * cpu.element_size());
        return device_type == 0 ? cpu : cpu.to(elfs::device(device_type, device_index));
    }()))
}

ELFS_API int elfs_tensor_copy_to(Tensor* t, void* destination, int64_t byte_count) {
    ELFS_RETURN_STATUS({
        auto cpu = t->detach().to(at::kCPU).contiguous();
        int64_t needed = cpu.numel() * cpu.element_size();
        if (needed != byte_count)
            throw std::invalid_argument("copy_to: tensor holds " + std::to_string(needed) + " bytes, destination has " +
                                        std::to_string(byte_count));
        if (needed > 0) std::memcpy(destination, cpu.data_ptr(), needed);
    })
}

ELFS_API int elfs_tensor_ndim(Tensor* t) { return static_cast<int>(t->dim()); }
ELFS_API void elfs_tensor_shape(Tensor* t, int64_t* out) {
    for (int64_t i = 0; i < t->dim(); ++i) out[i] = t->size(i);
}
ELFS_API int elfs_tensor_dtype(Tensor* t) { return static_cast<int>(t->scalar_type()); }
ELFS_API int elfs_tensor_device_type(Tensor* t) { return t->device().is_cuda() ? 1 : 0; }
ELFS_API int elfs_tensor_device_index(Tensor* t) { return t->device().has_index() ? t->device().index() : 0; }
ELFS_API int elfs_tensor_defined(Tensor* t) { return t->defined() ? 1 : 0; }

ELFS_API Tensor* elfs_tensor_to(Tensor* t, int dtype, int device_type, int device_index) {
    ELFS_RETURN_TENSOR(t->to(elfs::device(device_type, device_index), static_cast<at::ScalarType>(dtype)))
}
ELFS_API Tensor* elfs_tensor_clone(Tensor* t) { ELFS_RETURN_TENSOR(t->clone()) }
ELFS_API Tensor* elfs_tensor_contiguous(Tensor* t) { ELFS_RETURN_TENSOR(t->contiguous()) }
ELFS_API Tensor* elfs_tensor_alias(Tensor* t) { ELFS_RETURN_TENSOR(*t) }

ELFS_API int elfs_tensor_to_string(Tensor* t, char* buffer, int capacity) {
    ELFS_RETURN_STATUS({
        std::ostringstream s;
        s << *t;
        auto text = s.str();
        auto n = std::min<size_t>(text.size(), static_cast<size_t>(capacity - 1));
        std::memcpy(buffer, text.data(), n);
        buffer[n] = 0;
    })
}
