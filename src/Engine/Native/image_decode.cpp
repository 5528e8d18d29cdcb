// Image decoding (Debian's libstb-dev) into a preprocessed float batch: dimensions are read and checked against the
// pixel and byte limits before any pixel is decoded; a bad item gets its reason and the batch goes on without it.
#include "elfs_api.h"
#include <ATen/Parallel.h>
#include <climits>
#include <cstring>

#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_ONLY_BMP
#define STBI_ONLY_GIF
#define STBI_NO_STDIO
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>

using elfs::Tensor;

namespace {

struct DecodeSettings {
    int64_t resize;         // shorter side after resizing; <= 0 keeps the decoded size
    int64_t crop;           // square center crop; <= 0 keeps the whole (resized) image
    int interpolation;      // 1 bilinear, 2 bicubic (both antialiased when shrinking)
    int channels;           // 1 gray or 3 RGB
    const float* mean;      // per channel, or null
    const float* std;       // per channel, or null
    int64_t max_pixels;
    int64_t max_bytes;
};

std::string reason_of(const char* what) {
    const char* r = stbi_failure_reason();
    return std::string(what) + (r != nullptr ? std::string(" (") + r + ")" : std::string());
}

Tensor resize_shorter(const Tensor& chw, int64_t shorter, int interpolation) {
    const int64_t h = chw.size(1), w = chw.size(2);
    if (h == shorter && w == shorter) return chw;
    int64_t nh, nw;
    if (h <= w) { nh = shorter; nw = std::max<int64_t>(1, (w * shorter) / h); }
    else { nw = shorter; nh = std::max<int64_t>(1, (h * shorter) / w); }
    if (nh == h && nw == w) return chw;
    std::vector<int64_t> size{nh, nw};
    auto x = chw.unsqueeze(0);
    // Large reductions first average k x k blocks (k = whole factor of the reduction), as PIL's reducing_gap does:
    // the antialiased kernel then works on a small image, many times faster for the same look.
    const int64_t k = std::min(h, w) / shorter;
    if (k >= 2) x = at::avg_pool2d(x, {k, k}, {k, k});
    auto y = interpolation == 2 ? at::_upsample_bicubic2d_aa(x, at::IntArrayRef(size), false)
                                : at::_upsample_bilinear2d_aa(x, at::IntArrayRef(size), false);
    return y.squeeze(0).clamp_(0.0, 1.0);
}

// Decodes one item to a preprocessed CxHxW float tensor, or returns an undefined tensor and sets error.
Tensor decode_one(const uint8_t* data, int64_t length, const DecodeSettings& s, std::string& error) {
    if (data == nullptr || length <= 0) { error = "empty file (0 bytes)"; return {}; }
    if (length > s.max_bytes || length > INT_MAX) {
        error = "file is " + std::to_string(length) + " bytes, over the limit of " + std::to_string(s.max_bytes) + " bytes";
        return {};
    }
    int w = 0, h = 0, c = 0;
    if (!stbi_info_from_memory(data, static_cast<int>(length), &w, &h, &c)) {
        error = reason_of("not a supported image (JPEG, PNG, BMP or GIF expected)");
        return {};
    }
    const int64_t pixels = static_cast<int64_t>(w) * static_cast<int64_t>(h);
    if (pixels > s.max_pixels) {
        error = "image is " + std::to_string(w) + "x" + std::to_string(h) + " = " + std::to_string(pixels) +
                " pixels, over the limit of " + std::to_string(s.max_pixels) + " pixels";
        return {};
    }
    int dw = 0, dh = 0, dc = 0;
    stbi_uc* pixels_data = stbi_load_from_memory(data, static_cast<int>(length), &dw, &dh, &dc, s.channels);
    if (pixels_data == nullptr) { error = reason_of("corrupt or truncated image"); return {}; }
    Tensor hwc;
    try {
        hwc = at::from_blob(pixels_data, {dh, dw, s.channels}, at::kByte).clone();
    } catch (...) { stbi_image_free(pixels_data); throw; }
    stbi_image_free(pixels_data);
    auto x = hwc.permute({2, 0, 1}).to(at::kFloat).div_(255.0);
    if (s.resize > 0) x = resize_shorter(x, s.resize, s.interpolation);
    if (s.crop > 0) {
        if (x.size(1) < s.crop || x.size(2) < s.crop) {
            error = "image is " + std::to_string(x.size(2)) + "x" + std::to_string(x.size(1)) +
                    " after resizing, smaller than the " + std::to_string(s.crop) + "x" + std::to_string(s.crop) + " crop";
            return {};
        }
        const int64_t top = (x.size(1) - s.crop) / 2, left = (x.size(2) - s.crop) / 2;
        x = x.narrow(1, top, s.crop).narrow(2, left, s.crop);
    }
    if (s.mean != nullptr && s.std != nullptr) {
        auto mean = at::from_blob(const_cast<float*>(s.mean), {s.channels, 1, 1}, at::kFloat);
        auto std = at::from_blob(const_cast<float*>(s.std), {s.channels, 1, 1}, at::kFloat);
        x = (x - mean) / std;
    }
    return x.contiguous();
}

void write_error(char* errors, int stride, int64_t index, const std::string& text) {
    if (errors == nullptr || stride <= 1) return;
    char* slot = errors + index * stride;
    const size_t n = std::min<size_t>(text.size(), static_cast<size_t>(stride - 1));
    std::memcpy(slot, text.data(), n);
    slot[n] = '\0';
}

}  // namespace

// Decodes count encoded images (JPEG, PNG, BMP, GIF first frame) in parallel into an N x channels x H x W float batch
// in [0,1] (then normalised with mean/std when given). Failed items are zero rows; their reason is written,
// NUL-terminated, to errors + i*error_stride (an empty string means the item decoded). Without a crop, every item must
// have the first decoded item's size. interpolation: 1 bilinear, 2 bicubic.
ELFS_API Tensor* elfs_image_decode_batch(const uint8_t* const* data, const int64_t* lengths, int count, int64_t resize,
                                         int64_t crop, int interpolation, int channels, const float* mean,
                                         const float* std, int64_t max_pixels, int64_t max_bytes, char* errors,
                                         int error_stride) {
    ELFS_RETURN_TENSOR(([&] {
        if (count < 0) throw std::invalid_argument("image decode: count must be >= 0");
        if (channels != 1 && channels != 3) throw std::invalid_argument("image decode: channels must be 1 or 3");
        if (interpolation != 1 && interpolation != 2)
            throw std::invalid_argument("image decode: interpolation must be 1 (bilinear) or 2 (bicubic)");
        if (max_pixels <= 0 || max_bytes <= 0) throw std::invalid_argument("image decode: limits must be > 0");
        for (int i = 0; i < count; ++i) write_error(errors, error_stride, i, "");
        DecodeSettings s{resize, crop, interpolation, channels, mean, std, max_pixels, max_bytes};
        std::vector<Tensor> decoded(static_cast<size_t>(count));
        std::vector<std::string> failures(static_cast<size_t>(count));
        at::parallel_for(0, count, 1, [&](int64_t begin, int64_t end) {
            for (int64_t i = begin; i < end; ++i) {
                try {
                    decoded[i] = decode_one(data[i], lengths[i], s, failures[i]);
                } catch (const c10::Error& e) {
                    failures[i] = "decoding failed: " + elfs::message_of(e);
                } catch (const std::exception& e) {
                    failures[i] = std::string("decoding failed: ") + e.what();
                }
            }
        });
        int64_t h = crop > 0 ? crop : 0, w = crop > 0 ? crop : 0;
        for (int i = 0; i < count && h == 0; ++i)
            if (decoded[i].defined()) { h = decoded[i].size(1); w = decoded[i].size(2); }
        auto out = at::zeros({count, channels, h, w}, at::kFloat);
        for (int i = 0; i < count; ++i) {
            if (decoded[i].defined() && (decoded[i].size(1) != h || decoded[i].size(2) != w)) {
                failures[i] = "image is " + std::to_string(decoded[i].size(2)) + "x" + std::to_string(decoded[i].size(1)) +
                              " but the batch is " + std::to_string(w) + "x" + std::to_string(h) + " (use a resize and crop)";
                decoded[i] = Tensor();
            }
            if (decoded[i].defined()) out[i].copy_(decoded[i]);
            else write_error(errors, error_stride, i, failures[i]);
        }
        return out;
    }()))
}
