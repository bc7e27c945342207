"""The README's Python quick start, run as written: the block after
``<!-- snippet: python-quick-start -->``, from the repository's root, on the
illustrative data of ``examples/data``. The expected figures are worked by
hand from those files."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from pathlib import Path

from conftest import REPO


def snippet(markdown: str, name: str) -> str:
    """The fenced block right after the marker ``<!-- snippet: NAME -->``."""
    marker = f"<!-- snippet: {name} -->"
    _, found, after = markdown.partition(marker)
    assert found, f"the marker {marker} is in the page"
    lines = iter(after.strip("\n").splitlines())
    fence = next(lines)
    assert fence.startswith("```"), fence
    block = []
    for line in lines:
        if line.startswith("```"):
            break
        block.append(line)
    return "\n".join(block)


def run(page: str, name: str, folder: Path) -> tuple[dict[str, object], str]:
    """Runs the snippet in ``folder``, which gets a copy of
    ``examples/data``; returns its variables and what it printed."""
    code = snippet((REPO / page).read_text(encoding="utf-8"), name)
    shutil.copytree(REPO / "examples" / "data", folder / "examples" / "data")
    scope: dict[str, object] = {}
    printed = io.StringIO()
    here = os.getcwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(code, page, "exec"), scope)  # noqa: S102 - the page's own code
    finally:
        os.chdir(here)
    return scope, printed.getvalue()


def test_the_readme_python_quick_start_runs_as_written(tmp_path: Path):
    scope, printed = run("README.md", "python-quick-start", tmp_path)

    # Five activities, one of them (education in Kenya, DAC 11220) without a
    # 152xx sector: four programmes.
    assert len(scope["p"]) == 4
    flows = scope["flows"]
    # Liberia's 2019 disbursement: 500,000 EUR, 60 % under 15210, so 300,000
    # EUR SSR; at 0.89 EUR per USD (the rate of 2019-01-01) 337,078.6517 USD.
    row = flows[
        (flows["external_id"] == "XM-EXAMPLE-A-1")
        & (flows["year"] == 2019)
        & (flows["transaction_type"] == "disbursement")
    ]
    assert len(row) == 1
    assert float(row["ssr_amount"].iloc[0]) == 300000
    assert abs(float(row["converted_ssr_amount"].iloc[0]) - 337078.6517) < 1e-9
    ranks = scope["ranks"].table()
    assert len(ranks) == 4
    # The printed rank table names every programme.
    for title in ["Police accountability", "Community security", "Defence reform", "Border management"]:
        assert title in printed


def test_the_guide_api_lines_run_as_written(tmp_path: Path):
    scope, _ = run("docs/guide.md", "guide-api", tmp_path)
    assert len(scope["p"]) == 4
    # One row per indicator: Liberia has two (trust in the police, officers
    # trained), Mali, Bosnia and Herzegovina and Tunisia one each: five.
    assert len(scope["p"].table("indicators")) == 5
    assert (tmp_path / "guide-output" / "tables" / "programmes.parquet").is_file()
