// Elementwise arithmetic, comparisons and linear algebra. Unary and binary operations are selected by a code that
// the managed side mirrors in its UnaryOp/BinaryOp enums: keep the two lists in the same order.
#include "elfs_api.h"

using elfs::Tensor;

namespace {
Tensor unary(int op, const Tensor& a) {
    switch (op) {
        case 0: return a.neg();
        case 1: return a.exp();
        case 2: return a.log();
        case 3: return a.sqrt();
        case 4: return a.abs();
        case 5: return at::relu(a);
        case 6: return at::gelu(a);
        case 7: return a.sigmoid();
        case 8: return a.tanh();
        case 9: return a.sign();
        case 10: return a.floor();
        case 11: return a.ceil();
        case 12: return a.round();
        case 13: return a.logical_not();
        case 14: return a.rsqrt();
        case 15: return a.square();
        case 16: return a.log1p();
        case 17: return a.isnan();
        case 18: return a.isfinite();
        case 19: return a.reciprocal();
        default: throw std::invalid_argument("unknown unary op code " + std::to_string(op));
    }
}

Tensor binary(int op, const Tensor& a, const Tensor& b) {
    switch (op) {
        case 0: return a.add(b);
        case 1: return a.sub(b);
        case 2: return a.mul(b);
        case 3: return a.div(b);
        case 4: return a.pow(b);
        case 5: return a.eq(b);
        case 6: return a.ne(b);
        case 7: return a.lt(b);
        case 8: return a.le(b);
        case 9: return a.gt(b);
        case 10: return a.ge(b);
        case 11: return at::maximum(a, b);
        case 12: return at::minimum(a, b);
        case 13: return a.logical_and(b);
        case 14: return a.logical_or(b);
        case 15: return a.remainder(b);
        case 16: return a.div(b, "floor");
        default: throw std::invalid_argument("unknown binary op code " + std::to_string(op));
    }
}

Tensor binary_scalar(int op, const Tensor& a, const at::Scalar& s) {
    switch (op) {
        case 0: return a.add(s);
        case 1: return a.sub(s);
        case 2: return a.mul(s);
        case 3: return a.div(s);
        case 4: return a.pow(s);
        case 5: return a.eq(s);
        case 6: return a.ne(s);
        case 7: return a.lt(s);
        case 8: return a.le(s);
        case 9: return a.gt(s);
        case 10: return a.ge(s);
        case 11: return a.clamp_min(s);
        case 12: return a.clamp_max(s);
        case 15: return a.remainder(s);
        case 16: return a.div(s, "floor");
        case 17: return at::rsub(a, s);  // s - a
        default: throw std::invalid_argument("unsupported scalar op code " + std::to_string(op));
    }
}

void binary_inplace(int op, Tensor& a, const Tensor& b) {
    switch (op) {
        case 0: a.add_(b); break;
        case 1: a.sub_(b); break;
        case 2: a.mul_(b); break;
        case 3: a.div_(b); break;
        case 4: a.pow_(b); break;
        case 11: a.copy_(at::maximum(a, b)); break;
        case 12: a.copy_(at::minimum(a, b)); break;
        default: throw std::invalid_argument("unsupported in-place op code " + std::to_string(op));
    }
}

void scalar_inplace(int op, Tensor& a, const at::Scalar& s) {
    switch (op) {
        case 0: a.add_(s); break;
        case 1: a.sub_(s); break;
        case 2: a.mul_(s); break;
        case 3: a.div_(s); break;
        case 4: a.pow_(s); break;
        case 11: a.clamp_min_(s); break;
        case 12: a.clamp_max_(s); break;
        default: throw std::invalid_argument("unsupported in-place scalar op code " + std::to_string(op));
    }
}
}  // namespace

ELFS_API Tensor* elfs_unary(int op, Tensor* a) { ELFS_RETURN_TENSOR(unary(op, *a)) }
ELFS_API Tensor* elfs_binary(int op, Tensor* a, Tensor* b) { ELFS_RETURN_TENSOR(binary(op, *a, *b)) }
ELFS_API Tensor* elfs_binary_scalar(int op, Tensor* a, double s, int is_int) {
    ELFS_RETURN_TENSOR(binary_scalar(op, *a, elfs::scalar(s, is_int)))
}
ELFS_API int elfs_binary_(int op, Tensor* a, Tensor* b) { ELFS_RETURN_STATUS(binary_inplace(op, *a, *b)) }
ELFS_API int elfs_binary_scalar_(int op, Tensor* a, double s, int is_int) {
    ELFS_RETURN_STATUS(scalar_inplace(op, *a, elfs::scalar(s, is_int)))
}

// In-place updates that optimizers and EMA need.
ELFS_API int elfs_add_scaled_(Tensor* a, Tensor* b, double alpha) { ELFS_RETURN_STATUS(a->add_(*b, alpha)) }
ELFS_API int elfs_addcmul_(Tensor* a, Tensor* t1, Tensor* t2, double value) { ELFS_RETURN_STATUS(a->addcmul_(*t1, *t2, value)) }
ELFS_API int elfs_addcdiv_(Tensor* a, Tensor* t1, Tensor* t2, double value) { ELFS_RETURN_STATUS(a->addcdiv_(*t1, *t2, value)) }
ELFS_API int elfs_lerp_(Tensor* a, Tensor* end, double weight) { ELFS_RETURN_STATUS(a->lerp_(*end, weight)) }
ELFS_API int elfs_copy_(Tensor* dst, Tensor* src) { ELFS_RETURN_STATUS(dst->copy_(*src)) }
ELFS_API int elfs_fill_(Tensor* t, double v, int is_int) { ELFS_RETURN_STATUS(t->fill_(elfs::scalar(v, is_int))) }
ELFS_API int elfs_zero_(Tensor* t) { ELFS_RETURN_STATUS(t->zero_()) }
ELFS_API int elfs_masked_fill_(Tensor* t, Tensor* mask, double v, int is_int) {
    ELFS_RETURN_STATUS(t->masked_fill_(*mask, elfs::scalar(v, is_int)))
}

ELFS_API Tensor* elfs_clamp(Tensor* t, double min, int has_min, double max, int has_max) {
    ELFS_RETURN_TENSOR(at::clamp(*t, has_min ? c10::optional<at::Scalar>(min) : c10::nullopt,
                                 has_max ? c10::optional<at::Scalar>(max) : c10::nullopt))
}
ELFS_API Tensor* elfs_mm(Tensor* a, Tensor* b) { ELFS_RETURN_TENSOR(a->mm(*b)) }
ELFS_API Tensor* elfs_matmul(Tensor* a, Tensor* b) { ELFS_RETURN_TENSOR(a->matmul(*b)) }
ELFS_API Tensor* elfs_bmm(Tensor* a, Tensor* b) { ELFS_RETURN_TENSOR(a->bmm(*b)) }
ELFS_API Tensor* elfs_baddbmm(Tensor* self, Tensor* a, Tensor* b, double beta, double alpha) {
    ELFS_RETURN_TENSOR(self->baddbmm(*a, *b, beta, alpha))
}
ELFS_API Tensor* elfs_addmm(Tensor* self, Tensor* a, Tensor* b, double beta, double alpha) {
    ELFS_RETURN_TENSOR(self->addmm(*a, *b, beta, alpha))
}
ELFS_API Tensor* elfs_einsum(const char* equation, Tensor** items, int n) {
    ELFS_RETURN_TENSOR(at::einsum(equation, elfs::tensor_list(items, n)))
}
ELFS_API Tensor* elfs_cdist(Tensor* a, Tensor* b) { ELFS_RETURN_TENSOR(at::cdist(*a, *b)) }
