// Image encoding (Debian's libstb-dev stb_image_write): tests and benchmarks create PNG/BMP/JPEG files with it.
#include "elfs_api.h"
#include <cstring>

#define STBI_WRITE_NO_STDIO
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

namespace {
void append(void* context, void* data, int size) {
    auto* bytes = static_cast<std::vector<uint8_t>*>(context);
    const auto* p = static_cast<const uint8_t*>(data);
    bytes->insert(bytes->end(), p, p + size);
}
}  // namespace

// Encodes height x width x channels 8-bit pixels (row-major, interleaved) as format 0 PNG, 1 BMP or 2 JPEG
// (quality 1..100); returns the file's bytes as a 1-D uint8 tensor.
ELFS_API elfs::Tensor* elfs_image_encode(const uint8_t* pixels, int width, int height, int channels, int format, int quality) {
    ELFS_RETURN_TENSOR(([&] {
        if (width <= 0 || height <= 0) throw std::invalid_argument("image encode: width and height must be > 0");
        if (channels < 1 || channels > 4) throw std::invalid_argument("image encode: channels must be 1..4");
        std::vector<uint8_t> bytes;
        int ok = 0;
        if (format == 0) ok = stbi_write_png_to_func(append, &bytes, width, height, channels, pixels, width * channels);
        else if (format == 1) ok = stbi_write_bmp_to_func(append, &bytes, width, height, channels, pixels);
        else if (format == 2) ok = stbi_write_jpg_to_func(append, &bytes, width, height, channels, pixels, quality);
        else throw std::invalid_argument("image encode: format must be 0 (PNG), 1 (BMP) or 2 (JPEG)");
        if (!ok) throw std::runtime_error("image encode: stb_image_write failed");
        auto out = at::empty({static_cast<int64_t>(bytes.size())}, at::kByte);
        std::memcpy(out.data_ptr<uint8_t>(), bytes.data(), bytes.size());
        return out;
    }()))
}
