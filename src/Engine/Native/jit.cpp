// TorchScript: load a module file and run forward; define a module from script source and save it.
#include "elfs_api.h"
#include <torch/script.h>

using elfs::Tensor;
using Module = torch::jit::Module;

ELFS_API Module* elfs_jit_load(const char* path, int device_type, int device_index) {
    try {
        elfs::clear_error();
        return new Module(torch::jit::load(path, elfs::device(device_type, device_index)));
    } catch (const c10::Error& e) { elfs::set_error(elfs::message_of(e)); }
    catch (const std::exception& e) { elfs::set_error(e.what()); }
    return nullptr;
}

// Parameters are registered before the source is compiled, so methods can refer to them as self.<name>.
ELFS_API Module* elfs_jit_define(const char* source, const char** names, Tensor** values, int count) {
    try {
        elfs::clear_error();
        auto m = std::make_unique<Module>("ElfsModule");
        for (int i = 0; i < count; ++i) m->register_parameter(names[i], *values[i], false);
        m->define(source);
        return m.release();
    } catch (const c10::Error& e) { elfs::set_error(elfs::message_of(e)); }
    catch (const std::exception& e) { elfs::set_error(e.what()); }
    return nullptr;
}

ELFS_API void elfs_jit_free(Module* m) { delete m; }
ELFS_API int elfs_jit_save(Module* m, const char* path) { ELFS_RETURN_STATUS(m->save(path)) }
ELFS_API int elfs_jit_eval(Module* m) { ELFS_RETURN_STATUS(m->eval()) }
ELFS_API int elfs_jit_to(Module* m, int dtype, int device_type, int device_index) {
    ELFS_RETURN_STATUS(m->to(elfs::device(device_type, device_index), static_cast<at::ScalarType>(dtype)))
}
ELFS_API int elfs_jit_to_device(Module* m, int device_type, int device_index) {
    ELFS_RETURN_STATUS(m->to(elfs::device(device_type, device_index)))
}

// Runs forward on the inputs; a tuple or list output yields its first tensor.
ELFS_API Tensor* elfs_jit_forward(Module* m, Tensor** inputs, int count) {
    ELFS_RETURN_TENSOR(([&] {
        std::vector<torch::jit::IValue> args;
        for (int i = 0; i < count; ++i) args.emplace_back(*inputs[i]);
        auto out = m->forward(args);
        if (out.isTensor()) return out.toTensor();
        if (out.isTuple()) return out.toTuple()->elements().at(0).toTensor();
        if (out.isList()) return out.toList().get(0).toTensor();
        if (out.isGenericDict()) throw std::invalid_argument("forward returned a dict; the encoder must return a tensor");
        throw std::invalid_argument("forward returned " + out.tagKind() + "; the encoder must return a tensor");
    }()))
}
