"""The researcher's guide (docs/guide.py) runs on the shared IATI folder, so
the guide cannot rot."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from conftest import REPO


def _guide():
    spec = importlib.util.spec_from_file_location("guide", REPO / "docs" / "guide.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_guide_runs_on_the_shared_folder(shared_data: Path, tmp_path: Path):
    result = _guide().analyse(shared_data, tmp_path)
    image = result["image"]
    assert image == tmp_path / "img" / "ssr-disbursements-by-region.png"
    assert image.read_bytes().startswith(b"\x89PNG")
    assert result["programmes"] > 0 and result["findings"] > 0
    assert result["not_mapped"] == [], "every recipient country of the shared folder has a continent"
    assert result["by_year"].sum() > 0
