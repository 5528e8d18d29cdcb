// Factories and seeded random generation. Random draws use an explicit CPU generator and are then moved to the
// device, so a seed gives the same numbers on CPU and CUDA.
#include "elfs_api.h"
#include <ATen/CPUGeneratorImpl.h>

using elfs::Tensor;

ELFS_API at::Generator* elfs_generator_new(uint64_t seed) {
    try { elfs::clear_error(); return new at::Generator(at::detail::createCPUGenerator(seed)); }
    catch (const std::exception& e) { elfs::set_error(e.what()); }
    return nullptr;
}
ELFS_API void elfs_generator_free(at::Generator* g) { delete g; }

ELFS_API Tensor* elfs_zeros(const int64_t* shape, int ndim, int dtype, int dt, int di) {
    ELFS_RETURN_TENSOR(at::zeros(elfs::dims(shape, ndim), elfs::options(dtype, dt, di)))
}
ELFS_API Tensor* elfs_ones(const int64_t* shape, int ndim, int dtype, int dt, int di) {
    ELFS_RETURN_TENSOR(at::ones(elfs::dims(shape, ndim), elfs::options(dtype, dt, di)))
}
ELFS_API Tensor* elfs_empty(const int64_t* shape, int ndim, int dtype, int dt, int di) {
    ELFS_RETURN_TENSOR(at::empty(elfs::dims(shape, ndim), elfs::options(dtype, dt, di)))
}
ELFS_API Tensor* elfs_full(const int64_t* shape, int ndim, double value, int is_int, int dtype, int dt, int di) {
    ELFS_RETURN_TENSOR(at::full(elfs::dims(shape, ndim), elfs::scalar(value, is_int), elfs::options(dtype, dt, di)))
}
ELFS_API Tensor* elfs_arange(double start, double end, double step, int dtype, int dt, int di) {
    ELFS_RETURN_TENSOR(at::arange(start, end, step, elfs::options(dtype, dt, di)))
}
ELFS_API Tensor* elfs_linspace(double start, double end, int64_t steps, int dtype, int dt, int di) {
    ELFS_RETURN_TENSOR(at::linspace(start, end, steps, elfs::options(dtype, dt, di)))
}
ELFS_API Tensor* elfs_eye(int64_t n, int dtype, int dt, int di) { ELFS_RETURN_TENSOR(at::eye(n, elfs::options(dtype, dt, di))) }

static at::TensorOptions cpu_options(int dtype) { return at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)); }

ELFS_API Tensor* elfs_rand(const int64_t* shape, int ndim, at::Generator* g, int dtype, int dt, int di) {
    ELFS_RETURN_TENSOR(at::rand(elfs::dims(shape, ndim), *g, cpu_options(dtype)).to(elfs::device(dt, di)))
}
ELFS_API Tensor* elfs_randn(const int64_t* shape, int ndim, at::Generator* g, int dtype, int dt, int di) {
    ELFS_RETURN_TENSOR(at::randn(elfs::dims(shape, ndim), *g, cpu_options(dtype)).to(elfs::device(dt, di)))
}
ELFS_API Tensor* elfs_randint(int64_t low, int64_t high, const int64_t* shape, int ndim, at::Generator* g, int dtype,
                              int dt, int di) {
    ELFS_RETURN_TENSOR(at::randint(low, high, elfs::dims(shape, ndim), *g, cpu_options(dtype)).to(elfs::device(dt, di)))
}
ELFS_API Tensor* elfs_randperm(int64_t n, at::Generator* g, int dtype, int dt, int di) {
    ELFS_RETURN_TENSOR(at::randperm(n, *g, cpu_options(dtype)).to(elfs::device(dt, di)))
}
ELFS_API Tensor* elfs_multinomial(Tensor* probs, int64_t samples, int replacement, at::Generator* g) {
    ELFS_RETURN_TENSOR(at::multinomial(probs->to(at::kCPU), samples, replacement != 0, *g).to(probs->device()))
}
ELFS_API int elfs_uniform_(Tensor* t, double from, double to, at::Generator* g) {
    ELFS_RETURN_STATUS({
        at::NoGradGuard no_grad;
        t->copy_(at::empty(t->sizes(), cpu_options(static_cast<int>(t->scalar_type()))).uniform_(from, to, *g));
    })
}
ELFS_API int elfs_normal_(Tensor* t, double mean, double std, at::Generator* g) {
    ELFS_RETURN_STATUS({
        at::NoGradGuard no_grad;
        t->copy_(at::empty(t->sizes(), cpu_options(static_cast<int>(t->scalar_type()))).normal_(mean, std, *g));
    })
}
ELFS_API Tensor* elfs_bernoulli(Tensor* probs, at::Generator* g) {
    ELFS_RETURN_TENSOR(at::bernoulli(probs->to(at::kCPU), *g).to(probs->device()))
}
