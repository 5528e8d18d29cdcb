// Reductions, sorting and selection along dimensions.
#include "elfs_api.h"

using elfs::Tensor;

ELFS_API Tensor* elfs_sum(Tensor* t) { ELFS_RETURN_TENSOR(t->sum()) }
ELFS_API Tensor* elfs_sum_dim(Tensor* t, const int64_t* d, int n, int keepdim) {
    ELFS_RETURN_TENSOR(t->sum(elfs::dims(d, n), keepdim != 0))
}
ELFS_API Tensor* elfs_mean(Tensor* t) { ELFS_RETURN_TENSOR(t->mean()) }
ELFS_API Tensor* elfs_mean_dim(Tensor* t, const int64_t* d, int n, int keepdim) {
    ELFS_RETURN_TENSOR(t->mean(elfs::dims(d, n), keepdim != 0))
}
ELFS_API Tensor* elfs_var_dim(Tensor* t, const int64_t* d, int n, int unbiased, int keepdim) {
    ELFS_RETURN_TENSOR(t->var(elfs::dims(d, n), unbiased != 0, keepdim != 0))
}
ELFS_API Tensor* elfs_max(Tensor* t) { ELFS_RETURN_TENSOR(t->max()) }
ELFS_API Tensor* elfs_min(Tensor* t) { ELFS_RETURN_TENSOR(t->min()) }
ELFS_API Tensor* elfs_max_dim(Tensor* t, int64_t d, int keepdim, Tensor** indices) {
    ELFS_RETURN_TENSOR(([&] { auto r = t->max(d, keepdim != 0); *indices = elfs::wrap(std::get<1>(r)); return std::get<0>(r); }()))
}
ELFS_API Tensor* elfs_min_dim(Tensor* t, int64_t d, int keepdim, Tensor** indices) {
    ELFS_RETURN_TENSOR(([&] { auto r = t->min(d, keepdim != 0); *indices = elfs::wrap(std::get<1>(r)); return std::get<0>(r); }()))
}
ELFS_API Tensor* elfs_argmax(Tensor* t, int64_t d, int keepdim) { ELFS_RETURN_TENSOR(t->argmax(d, keepdim != 0)) }
ELFS_API Tensor* elfs_argmin(Tensor* t, int64_t d, int keepdim) { ELFS_RETURN_TENSOR(t->argmin(d, keepdim != 0)) }
ELFS_API Tensor* elfs_topk(Tensor* t, int64_t k, int64_t d, int largest, int sorted, Tensor** indices) {
    ELFS_RETURN_TENSOR(([&] {
        auto r = t->topk(k, d, largest != 0, sorted != 0);
        *indices = elfs::wrap(std::get<1>(r));
        return std::get<0>(r);
    }()))
}
ELFS_API Tensor* elfs_sort(Tensor* t, int64_t d, int descending, int stable, Tensor** indices) {
    ELFS_RETURN_TENSOR(([&] {
        auto r = t->sort(c10::optional<bool>(stable != 0), d, descending != 0);
        *indices = elfs::wrap(std::get<1>(r));
        return std::get<0>(r);
    }()))
}
ELFS_API Tensor* elfs_argsort(Tensor* t, int64_t d, int descending, int stable) {
    ELFS_RETURN_TENSOR(std::get<1>(t->sort(c10::optional<bool>(stable != 0), d, descending != 0)))
}
ELFS_API Tensor* elfs_cumsum(Tensor* t, int64_t d) { ELFS_RETURN_TENSOR(t->cumsum(d)) }
ELFS_API Tensor* elfs_norm_dim(Tensor* t, double p, const int64_t* d, int n, int keepdim) {
    ELFS_RETURN_TENSOR(t->norm(p, elfs::dims(d, n), keepdim != 0))
}
ELFS_API Tensor* elfs_logsumexp(Tensor* t, const int64_t* d, int n, int keepdim) {
    ELFS_RETURN_TENSOR(t->logsumexp(elfs::dims(d, n), keepdim != 0))
}
ELFS_API Tensor* elfs_any(Tensor* t) { ELFS_RETURN_TENSOR(t->any()) }
ELFS_API Tensor* elfs_all(Tensor* t) { ELFS_RETURN_TENSOR(t->all()) }
ELFS_API Tensor* elfs_bincount(Tensor* t, int64_t minlength) { ELFS_RETURN_TENSOR(t->bincount({}, minlength)) }
