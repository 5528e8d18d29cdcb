// Gradient bookkeeping: requires_grad, backward, grad access, and the thread's grad mode.
#include "elfs_api.h"

using elfs::Tensor;

ELFS_API int elfs_requires_grad_(Tensor* t, int value) { ELFS_RETURN_STATUS(t->requires_grad_(value != 0)) }
ELFS_API int elfs_requires_grad(Tensor* t) { return t->requires_grad() ? 1 : 0; }
ELFS_API int elfs_is_leaf(Tensor* t) { return t->is_leaf() ? 1 : 0; }
ELFS_API int elfs_backward(Tensor* t, Tensor* gradient) {
    ELFS_RETURN_STATUS(t->backward(gradient == nullptr ? Tensor() : *gradient))
}
// Writes the gradient handle, or nullptr when the tensor has none yet.
ELFS_API int elfs_grad(Tensor* t, Tensor** out) {
    ELFS_RETURN_STATUS({
        const auto& g = t->grad();
        *out = g.defined() ? elfs::wrap(g) : nullptr;
    })
}
ELFS_API int elfs_grad_reset(Tensor* t) { ELFS_RETURN_STATUS(t->mutable_grad().reset()) }
ELFS_API Tensor* elfs_detach(Tensor* t) { ELFS_RETURN_TENSOR(t->detach()) }
ELFS_API int elfs_grad_enabled() { return at::GradMode::is_enabled() ? 1 : 0; }
ELFS_API void elfs_grad_set_enabled(int enabled) { at::GradMode::set_enabled(enabled != 0); }

// Replaces the tensor's data (shape, dtype, device) while keeping its identity, as PyTorch's `param.data = x`.
ELFS_API int elfs_set_data(Tensor* t, Tensor* source) { ELFS_RETURN_STATUS(t->set_data(*source)) }
