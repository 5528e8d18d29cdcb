// Histograms of oriented gradients (signed orientations, linear bin voting, 2x2-cell blocks, L2-Hys), a generic
// weight-free image feature computed per image in parallel.
#include "elfs_api.h"
#include <ATen/Parallel.h>
#include <cmath>

namespace {

void hog_one(const float* x, int64_t H, int64_t W, int64_t cell, int64_t bins, float* out) {
    const int64_t cy = H / cell, cx = W / cell;
    std::vector<float> hist(static_cast<size_t>(cy * cx * bins), 0.0f);
    const double two_pi = 2.0 * M_PI;
    for (int64_t i = 0; i < cy * cell; ++i) {
        for (int64_t j = 0; j < cx * cell; ++j) {
            const float right = j + 1 < W ? x[i * W + j + 1] : 0.0f, left = j > 0 ? x[i * W + j - 1] : 0.0f;
            const float down = i + 1 < H ? x[(i + 1) * W + j] : 0.0f, up = i > 0 ? x[(i - 1) * W + j] : 0.0f;
            const double gx = right - left, gy = down - up;
            const double m = std::sqrt(gx * gx + gy * gy);
            if (m == 0.0) continue;
            double theta = std::fmod(std::atan2(gy, gx), two_pi);
            if (theta < 0) theta += two_pi;
            const double a = theta / two_pi * static_cast<double>(bins) - 0.5;
            const double lo = std::floor(a), w = a - lo;
            const int64_t b0 = ((static_cast<int64_t>(lo) % bins) + bins) % bins, b1 = (b0 + 1) % bins;
            float* h = hist.data() + ((i / cell) * cx + (j / cell)) * bins;
            h[b0] += static_cast<float>(m * (1.0 - w));
            h[b1] += static_cast<float>(m * w);
        }
    }
    const int64_t block = 4 * bins;
    std::vector<double> v(static_cast<size_t>(block));
    for (int64_t by = 0; by + 1 < cy; ++by) {
        for (int64_t bx = 0; bx + 1 < cx; ++bx) {
            for (int64_t b = 0; b < bins; ++b)
                for (int64_t dr = 0; dr < 2; ++dr)
                    for (int64_t dc = 0; dc < 2; ++dc)
                        v[b * 4 + dr * 2 + dc] = hist[((by + dr) * cx + bx + dc) * bins + b];
            for (int pass = 0; pass < 2; ++pass) {
                double norm = 0;
                for (double e : v) norm += e * e;
                norm = std::sqrt(norm) + 1e-6;
                for (double& e : v) e = pass == 0 ? std::min(e / norm, 0.2) : e / norm;
            }
            float* o = out + (by * (cx - 1) + bx) * block;
            for (int64_t k = 0; k < block; ++k) o[k] = static_cast<float>(v[k]);
        }
    }
}

}  // namespace

// images: N x H x W float (one channel). Cells of cell x cell pixels, bins signed orientations over 360 degrees,
// blocks of 2x2 cells at stride 1, each block (bin, cell-row, cell-col) normalised with L2-Hys.
// Returns N x ((H/cell - 1) * (W/cell - 1) * 4 * bins).
ELFS_API elfs::Tensor* elfs_image_hog(elfs::Tensor* images, int64_t cell, int64_t bins) {
    ELFS_RETURN_TENSOR(([&] {
        if (images->dim() != 3) throw std::invalid_argument("hog: images must be N x H x W");
        if (cell < 1 || bins < 2) throw std::invalid_argument("hog: cell must be >= 1 and bins >= 2");
        auto x = images->to(at::kCPU, at::kFloat).contiguous();
        const int64_t n = x.size(0), H = x.size(1), W = x.size(2);
        if (H / cell < 2 || W / cell < 2) throw std::invalid_argument("hog: the image must hold at least 2x2 cells");
        const int64_t features = (H / cell - 1) * (W / cell - 1) * 4 * bins;
        auto out = at::empty({n, features}, at::kFloat);
        const float* src = x.data_ptr<float>();
        float* dst = out.data_ptr<float>();
        at::parallel_for(0, n, 64, [&](int64_t begin, int64_t end) {
            for (int64_t i = begin; i < end; ++i) hog_one(src + i * H * W, H, W, cell, bins, dst + i * features);
        });
        return out;
    }()))
}
