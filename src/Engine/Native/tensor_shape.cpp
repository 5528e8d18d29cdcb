// Views, joins, indexing and slicing.
#include "elfs_api.h"

using elfs::Tensor;

ELFS_API Tensor* elfs_view(Tensor* t, const int64_t* shape, int n) { ELFS_RETURN_TENSOR(t->view(elfs::dims(shape, n))) }
ELFS_API Tensor* elfs_reshape(Tensor* t, const int64_t* shape, int n) { ELFS_RETURN_TENSOR(t->reshape(elfs::dims(shape, n))) }
ELFS_API Tensor* elfs_expand(Tensor* t, const int64_t* shape, int n) { ELFS_RETURN_TENSOR(t->expand(elfs::dims(shape, n))) }
ELFS_API Tensor* elfs_repeat(Tensor* t, const int64_t* reps, int n) { ELFS_RETURN_TENSOR(t->repeat(elfs::dims(reps, n))) }
ELFS_API Tensor* elfs_permute(Tensor* t, const int64_t* order, int n) { ELFS_RETURN_TENSOR(t->permute(elfs::dims(order, n))) }
ELFS_API Tensor* elfs_flip(Tensor* t, const int64_t* d, int n) { ELFS_RETURN_TENSOR(t->flip(elfs::dims(d, n))) }
ELFS_API Tensor* elfs_transpose(Tensor* t, int64_t d0, int64_t d1) { ELFS_RETURN_TENSOR(t->transpose(d0, d1)) }
ELFS_API Tensor* elfs_unsqueeze(Tensor* t, int64_t d) { ELFS_RETURN_TENSOR(t->unsqueeze(d)) }
ELFS_API Tensor* elfs_squeeze(Tensor* t, int64_t d) { ELFS_RETURN_TENSOR(t->squeeze(d)) }
ELFS_API Tensor* elfs_flatten(Tensor* t, int64_t start, int64_t end) { ELFS_RETURN_TENSOR(t->flatten(start, end)) }
ELFS_API Tensor* elfs_slice(Tensor* t, int64_t d, int64_t start, int64_t end, int64_t step) {
    ELFS_RETURN_TENSOR(t->slice(d, start, end, step))
}
ELFS_API Tensor* elfs_select(Tensor* t, int64_t d, int64_t index) { ELFS_RETURN_TENSOR(t->select(d, index)) }
ELFS_API Tensor* elfs_cat(Tensor** items, int n, int64_t d) { ELFS_RETURN_TENSOR(at::cat(elfs::tensor_list(items, n), d)) }
ELFS_API Tensor* elfs_stack(Tensor** items, int n, int64_t d) { ELFS_RETURN_TENSOR(at::stack(elfs::tensor_list(items, n), d)) }
ELFS_API Tensor* elfs_index_select(Tensor* t, int64_t d, Tensor* index) { ELFS_RETURN_TENSOR(t->index_select(d, *index)) }
ELFS_API Tensor* elfs_gather(Tensor* t, int64_t d, Tensor* index) { ELFS_RETURN_TENSOR(t->gather(d, *index)) }
ELFS_API Tensor* elfs_scatter(Tensor* t, int64_t d, Tensor* index, Tensor* src) { ELFS_RETURN_TENSOR(t->scatter(d, *index, *src)) }
ELFS_API Tensor* elfs_scatter_add(Tensor* t, int64_t d, Tensor* index, Tensor* src) {
    ELFS_RETURN_TENSOR(t->scatter_add(d, *index, *src))
}
ELFS_API Tensor* elfs_index_add(Tensor* t, int64_t d, Tensor* index, Tensor* src) { ELFS_RETURN_TENSOR(t->index_add(d, *index, *src)) }
ELFS_API int elfs_index_copy_(Tensor* t, int64_t d, Tensor* index, Tensor* src) {
    ELFS_RETURN_STATUS(t->index_copy_(d, *index, *src))
}
ELFS_API Tensor* elfs_masked_select(Tensor* t, Tensor* mask) { ELFS_RETURN_TENSOR(t->masked_select(*mask)) }
ELFS_API Tensor* elfs_masked_fill(Tensor* t, Tensor* mask, double v, int is_int) {
    ELFS_RETURN_TENSOR(t->masked_fill(*mask, elfs::scalar(v, is_int)))
}
ELFS_API Tensor* elfs_where(Tensor* cond, Tensor* a, Tensor* b) { ELFS_RETURN_TENSOR(at::where(*cond, *a, *b)) }
ELFS_API Tensor* elfs_nonzero(Tensor* t) { ELFS_RETURN_TENSOR(t->nonzero()) }
ELFS_API Tensor* elfs_constant_pad(Tensor* t, const int64_t* pads, int n, double value) {
    ELFS_RETURN_TENSOR(at::constant_pad_nd(*t, elfs::dims(pads, n), value))
}
ELFS_API Tensor* elfs_reflection_pad2d(Tensor* t, const int64_t* pads, int n) {
    ELFS_RETURN_TENSOR(at::reflection_pad2d(*t, elfs::dims(pads, n)))
}
