"""The type stubs describe the native module as it is: every public name and
method it has is in ``_native.pyi``, and every one the stub names exists."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import ssr_model
from ssr_model import _native

STUB = Path(ssr_model.__file__).with_name("_native.pyi")


def _stub_names() -> dict[str, set[str]]:
    tree = ast.parse(STUB.read_text())
    names: dict[str, set[str]] = {"": set()}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            names[""].add(node.name)
            names[node.name] = {
                n.name
                for n in node.body
                if isinstance(n, ast.FunctionDef) and (not n.name.startswith("_") or n.name == "__len__")
            }
        elif isinstance(node, ast.FunctionDef):
            names[""].add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if not node.target.id.startswith("_") or node.target.id == "__version__":
                names[""].add(node.target.id)
    return names


def test_the_stub_lists_every_public_name_and_method():
    stub = _stub_names()
    module = {n for n in dir(_native) if not n.startswith("_") or n == "__version__"}
    assert module == stub[""]
    for name in module:
        item = getattr(_native, name)
        if inspect.isclass(item):
            methods = {m for m in dir(item) if not m.startswith("_") or m == "__len__"}
            assert methods == stub[name], name


def test_the_package_exports_what_it_documents():
    for name in ssr_model.__all__:
        assert hasattr(ssr_model, name), name
    assert (Path(ssr_model.__file__).parent / "py.typed").is_file()
