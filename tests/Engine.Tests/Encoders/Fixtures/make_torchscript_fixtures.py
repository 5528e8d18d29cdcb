#!/usr/bin/env python3
"""Writes the TorchScript fixtures of TorchScriptEncoderTests without PyTorch (TorchSharp can load but not define
TorchScript modules). A TorchScript file is a zip archive: `code/__torch__.py` holds the module's TorchScript source,
`data.pkl` the pickled module object (here only its `training` flag: the weights are computed inside forward),
`constants.pkl` the code's constants and `version` the format version. Run it from this folder:

    python3 make_torchscript_fixtures.py

pool-project-{1,2}.pt: x [N, 3, S, S] -> adaptive_avg_pool2d(x, [2, 2]) flattened [N, 12] @ W, W[i, j] = scale * sin(5i + j + 1),
W of shape 12 x 5 (scale 1 and 2). wrong-batch.pt returns zeros [1, 3] whatever the batch.
"""
import pickle
import sys
import types
import zipfile

POOL_PROJECT = """class {name}(Module):
  __parameters__ = []
  __buffers__ = []
  training : bool
  def forward(self: __torch__.{name},
    x: Tensor) -> Tensor:
    pooled = torch.flatten(torch.adaptive_avg_pool2d(x, [2, 2]), 1)
    i = torch.unsqueeze(torch.arange(12, dtype=6), 1)
    j = torch.unsqueeze(torch.arange(5, dtype=6), 0)
    w = torch.mul(torch.sin(torch.add(torch.add(torch.mul(i, 5), j), 1)), {scale})
    return torch.matmul(pooled, w)
"""

WRONG_BATCH = """class {name}(Module):
  __parameters__ = []
  __buffers__ = []
  training : bool
  def forward(self: __torch__.{name},
    x: Tensor) -> Tensor:
    return torch.zeros([1, 3])
"""


def module_pickle(name):
    torch_module = types.ModuleType("__torch__")
    cls = type(name, (), {"__module__": "__torch__"})
    setattr(torch_module, name, cls)
    sys.modules["__torch__"] = torch_module
    obj = cls.__new__(cls)
    obj.__dict__["training"] = False
    return pickle.dumps(obj, protocol=2)


def write(path, name, source):
    archive = path.rsplit(".", 1)[0]
    entries = {
        "data.pkl": module_pickle(name),
        "code/__torch__.py": source.replace("{name}", name).encode(),
        "constants.pkl": pickle.dumps((), protocol=2),
        "version": b"3\n",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for entry, body in entries.items():
            z.writestr(zipfile.ZipInfo(f"{archive}/{entry}", date_time=(2026, 1, 1, 0, 0, 0)), body)


write("pool-project-1.pt", "PoolProject", POOL_PROJECT.replace("{scale}", "1.0"))
write("pool-project-2.pt", "PoolProject", POOL_PROJECT.replace("{scale}", "2.0"))
write("wrong-batch.pt", "WrongBatch", WRONG_BATCH)
