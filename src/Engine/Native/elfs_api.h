// Shared plumbing of the exported C API: handles, error capture, argument conversion.
// Every exported function catches everything; failures are reported through the thread's last error.
#pragma once

#include <torch/torch.h>
#include <atomic>
#include <string>
#include <vector>

#define ELFS_API extern "C" __attribute__((visibility("default")))

namespace elfs {

using Tensor = at::Tensor;

void set_error(const std::string& message);
void clear_error();
std::atomic<int64_t>& live_tensor_count();

// Moves a tensor to the heap and counts it as live; the managed side owns the pointer.
inline Tensor* wrap(Tensor t) {
    live_tensor_count().fetch_add(1, std::memory_order_relaxed);
    return new Tensor(std::move(t));
}

inline at::IntArrayRef dims(const int64_t* values, int count) { return at::IntArrayRef(values, static_cast<size_t>(count)); }

inline std::vector<Tensor> tensor_list(Tensor* const* items, int count) {
    std::vector<Tensor> out;
    out.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) out.push_back(*items[i]);
    return out;
}

inline at::Scalar scalar(double value, int is_integral) {
    return is_integral ? at::Scalar(static_cast<int64_t>(value)) : at::Scalar(value);
}

inline at::Device device(int type, int index) {
    return at::Device(type == 1 ? at::kCUDA : at::kCPU, static_cast<c10::DeviceIndex>(index));
}

inline at::TensorOptions options(int dtype, int device_type, int device_index) {
    return at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)).device(device(device_type, device_index));
}

inline std::string message_of(const c10::Error& e) { return e.what_without_backtrace(); }

}  // namespace elfs

// Body of a function that returns a new tensor handle, or nullptr with the last error set.
#define ELFS_RETURN_TENSOR(expr)                                            \
    try { elfs::clear_error(); return elfs::wrap(expr); }                   \
    catch (const c10::Error& e) { elfs::set_error(elfs::message_of(e)); }   \
    catch (const std::exception& e) { elfs::set_error(e.what()); }          \
    catch (...) { elfs::set_error("unknown native error"); }                \
    return nullptr;

// Body of a function that returns 0 on success, -1 with the last error set.
#define ELFS_RETURN_STATUS(block)                                           \
    try { elfs::clear_error(); block; return 0; }                           \
    catch (const c10::Error& e) { elfs::set_error(elfs::message_of(e)); }   \
    catch (const std::exception& e) { elfs::set_error(e.what()); }          \
    catch (...) { elfs::set_error("unknown native error"); }                \
    return -1;
