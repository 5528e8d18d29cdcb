#include "elfs_api.h"

namespace {
thread_local std::string last_error;
}

namespace elfs {
void set_error(const std::string& message) { last_error = message.empty() ? "native error without a message" : message; }
void clear_error() { last_error.clear(); }
std::atomic<int64_t>& live_tensor_count() {
    static std::atomic<int64_t> count{0};
    return count;
}
}  // namespace elfs

ELFS_API const char* elfs_last_error() { return last_error.c_str(); }
