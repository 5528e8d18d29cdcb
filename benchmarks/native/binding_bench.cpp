// The same measurements as BindingBenchmark.cs, with libtorch called directly: median GEMM GFLOP/s and the
// microseconds per tiny add. Prints "<gflops> <us_per_call>".
#include <torch/torch.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

int main(int argc, char** argv) {
    const int64_t n = std::atoll(argv[1]);
    const int repeats = std::atoi(argv[2]);
    const int tiny_calls = std::atoi(argv[3]);
    at::set_num_threads(std::atoi(argv[4]));
    auto gen = at::detail::createCPUGenerator(1);
    auto a = at::randn({n, n}, gen);
    auto b = at::randn({n, n}, gen);
    a.mm(b);
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        auto start = std::chrono::steady_clock::now();
        auto c = a.mm(b);
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    double gflops = 2.0 * n * n * n / times[times.size() / 2] / 1e9;

    auto x = at::ones({1});
    auto y = at::ones({1});
    for (int i = 0; i < 10000; ++i) { auto* z = new at::Tensor(x + y); delete z; }
    auto start = std::chrono::steady_clock::now();
    // Heap-allocated results, as the binding holds them, so the comparison isolates the managed boundary.
    for (int i = 0; i < tiny_calls; ++i) { auto* z = new at::Tensor(x + y); delete z; }
    double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / tiny_calls;
    std::printf("%.3f %.4f\n", gflops, us);
    return 0;
}
