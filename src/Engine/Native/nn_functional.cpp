// Neural-network functions: activations with a dimension, losses, linear/convolution/normalisation/pooling.
#include "elfs_api.h"

using elfs::Tensor;

static c10::optional<Tensor> optional_tensor(Tensor* t) { return t == nullptr ? c10::optional<Tensor>() : c10::optional<Tensor>(*t); }

ELFS_API Tensor* elfs_softmax(Tensor* t, int64_t d) { ELFS_RETURN_TENSOR(t->softmax(d)) }
ELFS_API Tensor* elfs_log_softmax(Tensor* t, int64_t d) { ELFS_RETURN_TENSOR(t->log_softmax(d)) }
ELFS_API Tensor* elfs_normalize(Tensor* t, double p, int64_t d, double eps) {
    ELFS_RETURN_TENSOR(*t / t->norm(p, {d}, true).clamp_min(eps))
}
// reduction: 0 none, 1 mean, 2 sum (at::Reduction's order).
ELFS_API Tensor* elfs_cross_entropy(Tensor* logits, Tensor* target, int reduction, double label_smoothing) {
    ELFS_RETURN_TENSOR(at::cross_entropy_loss(*logits, *target, {}, reduction, -100, label_smoothing))
}
ELFS_API Tensor* elfs_mse_loss(Tensor* a, Tensor* b, int reduction) { ELFS_RETURN_TENSOR(at::mse_loss(*a, *b, reduction)) }
ELFS_API Tensor* elfs_linear(Tensor* x, Tensor* w, Tensor* b) { ELFS_RETURN_TENSOR(at::linear(*x, *w, optional_tensor(b))) }
ELFS_API Tensor* elfs_conv2d(Tensor* x, Tensor* w, Tensor* b, int64_t stride, int64_t padding, int64_t dilation, int64_t groups) {
    ELFS_RETURN_TENSOR(at::conv2d(*x, *w, optional_tensor(b), {stride, stride}, {padding, padding}, {dilation, dilation}, groups))
}
ELFS_API Tensor* elfs_batch_norm(Tensor* x, Tensor* weight, Tensor* bias, Tensor* running_mean, Tensor* running_var,
                                 int training, double momentum, double eps) {
    ELFS_RETURN_TENSOR(at::batch_norm(*x, optional_tensor(weight), optional_tensor(bias), optional_tensor(running_mean),
                                      optional_tensor(running_var), training != 0, momentum, eps, false))
}
ELFS_API Tensor* elfs_max_pool2d(Tensor* x, int64_t kernel, int64_t stride, int64_t padding) {
    ELFS_RETURN_TENSOR(at::max_pool2d(*x, {kernel, kernel}, {stride, stride}, {padding, padding}))
}
ELFS_API Tensor* elfs_avg_pool2d(Tensor* x, int64_t kernel, int64_t stride, int64_t padding) {
    ELFS_RETURN_TENSOR(at::avg_pool2d(*x, {kernel, kernel}, {stride, stride}, {padding, padding}))
}
ELFS_API Tensor* elfs_adaptive_avg_pool2d(Tensor* x, int64_t h, int64_t w) { ELFS_RETURN_TENSOR(at::adaptive_avg_pool2d(*x, {h, w})) }
// mode: 0 nearest, 1 bilinear, 2 bicubic.
ELFS_API Tensor* elfs_interpolate(Tensor* x, int64_t h, int64_t w, int mode, int align_corners) {
    ELFS_RETURN_TENSOR(([&] {
        if (mode == 0) return at::upsample_nearest2d(*x, {h, w});
        if (mode == 1) return at::upsample_bilinear2d(*x, {h, w}, align_corners != 0);
        if (mode == 2) return at::upsample_bicubic2d(*x, {h, w}, align_corners != 0);
        throw std::invalid_argument("interpolate: mode must be 0 (nearest), 1 (bilinear) or 2 (bicubic), got " + std::to_string(mode));
    }()))
}
