"""Shared fixtures: the repository, the shared real data (skipped with a
message when absent, as in a plain clone), and the `ssr` command-line
program that produces the Rust side of the cross-checks."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# The shared real data: $SSR_SHARED_DATA (the folder holding iati/), else
# ../shared/data beside the repository, as for the Rust tests and benches.
SHARED_DATA = Path(os.environ.get("SSR_SHARED_DATA") or REPO.parent / "shared" / "data")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared data folder; skips (with where it looked) when absent.
    With ``SSR_REQUIRE_SHARED=1`` its absence fails instead."""
    if not (SHARED_DATA / "iati").is_dir():
        message = f"shared data not found: looked in {SHARED_DATA} (set SSR_SHARED_DATA)"
        if os.environ.get("SSR_REQUIRE_SHARED") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return SHARED_DATA


@pytest.fixture(scope="session")
def ssr_cli() -> list[str]:
    """The command that runs the Rust ``ssr`` program: ``$SSR_BIN`` when set
    (CI sets it to the binary it built), else ``cargo run -q -p ssr-cli --``
    in the repository. Skips when neither is available."""
    binary = os.environ.get("SSR_BIN")
    if binary:
        if not Path(binary).is_file():
            pytest.fail(f"SSR_BIN={binary} is not a file")
        return [binary]
    cargo = shutil.which("cargo")
    if cargo is None or not (REPO / "cli" / "Cargo.toml").is_file():
        pytest.skip("no ssr binary: set SSR_BIN, or run where cargo and the cli/ package are")
    command = [cargo, "run", "-q", "-p", "ssr-cli", "--"]
    subprocess.run([*command, "--help"], cwd=REPO, check=True, capture_output=True)
    return command


def run_cli(command: list[str], *args: str) -> str:
    """Runs ``ssr ARGS`` and returns its standard output."""
    done = subprocess.run([*command, *args], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, f"ssr {' '.join(args)} failed: {done.stderr}"
    return done.stdout
