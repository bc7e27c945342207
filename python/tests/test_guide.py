"""The researcher's guide (docs/guide.py) runs, on the illustrative data that
ships with the repository and on the shared IATI folder, so the guide cannot
rot."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pandas as pd
from conftest import REPO


def _guide():
    spec = importlib.util.spec_from_file_location("guide", REPO / "docs" / "guide.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_guide_runs_on_the_shipped_examples(tmp_path: Path):
    result = _guide().analyse(REPO / "examples" / "data", tmp_path)
    assert result["image"] == tmp_path / "ssr-spending-by-region.png"
    assert result["image"].read_bytes().startswith(b"\x89PNG")
    # examples/data/iati: five activities, four with a 152xx sector.
    assert result["programmes"] == 4
    assert result["not_mapped"] == []
    # The SSR share of disbursements and expenditure, in EUR, in 2019: only
    # Liberia's 500,000 EUR disbursement, 60 % under 15210: 0.3 million.
    assert abs(result["by_year"].loc[("EUR", 2019)].sum() - 0.3) < 1e-12
    # The sensitivity figure, and one mean-rank-shift row per standard
    # factor: five weights, normalisation, aggregation, leaving one out.
    assert result["sensitivity_image"] == tmp_path / "ssr-rank-sensitivity.png"
    assert result["sensitivity_image"].read_bytes().startswith(b"\x89PNG")
    assert len(result["sensitivity"]) == 8
    # The net question, whole and SSR-weighted side by side. The examples
    # name no provider or receiver activity, so no row is an internal
    # transfer and net equals gross: Africa (Liberia) in 2019, EUR, whole
    # 500,000 = 0.5 million, SSR-weighted 60 % of it = 0.3 million.
    assert result["internal_transfers"] == 0
    assert result["net_image"] == tmp_path / "ssr-net-whole-and-weighted.png"
    assert result["net_image"].read_bytes().startswith(b"\x89PNG")
    liberia = result["net"].loc[("EUR", 2019, "Africa")]
    assert abs(liberia["whole"] - 0.5) < 1e-12
    assert abs(liberia["ssr"] - 0.3) < 1e-12
    # Step 7: the panel, four programmes × 2018–2024, joined to the
    # illustrative country-year CSV on (main recipient, year).
    panel = result["panel"]
    assert len(panel) == 4 * 7
    assert result["trajectories"] == tmp_path / "programme-trajectories.png"
    assert result["trajectories"].read_bytes().startswith(b"\x89PNG")
    country_year = pd.read_csv(REPO / "examples" / "data" / "governance-illustrative.csv")
    # The CSV's own value for Liberia in 2020 (read here, not from the guide).
    expected = country_year.loc[
        (country_year["iso3"] == "LBR") & (country_year["year"] == 2020), "governance_index"
    ].item()
    liberia = panel[(panel["iso3"] == "LBR") & (panel["year"] == 2020)]
    assert len(liberia) == 1
    assert liberia["governance_index"].item() == expected
    # As of 2020-12-31 Liberia's programme had disbursed 500,000 (2019-09-30)
    # + 850,000 (2020-06-30) EUR; the 2021 disbursement is not known yet.
    assert liberia["disbursed"].item() == 1_350_000.0
    # Every example recipient (LBR, MLI, BIH, TUN) has a row in the CSV.
    assert result["joined"] == 4 * 7


def test_the_guide_names_a_missing_data_folder(tmp_path: Path):
    run = subprocess.run(
        [sys.executable, str(REPO / "docs" / "guide.py"), str(tmp_path / "nowhere"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert "no data folder at" in run.stderr and "Traceback" not in run.stderr


def test_the_guide_runs_on_the_shared_folder(shared_data: Path, tmp_path: Path):
    result = _guide().analyse(shared_data, tmp_path)
    image = result["image"]
    assert image == tmp_path / "ssr-spending-by-region.png"
    assert image.read_bytes().startswith(b"\x89PNG")
    assert result["programmes"] > 0 and result["findings"] > 0
    assert result["not_mapped"] == [], "every recipient country of the shared folder has a continent"
    assert result["by_year"].sum() > 0
    assert result["sensitivity_image"].read_bytes().startswith(b"\x89PNG")
    # The net question is answered on real data too, whole and weighted.
    assert not result["net"].empty
    assert {"whole", "ssr", "unknown_share"} <= set(result["net"].columns)
    assert result["trajectories"].read_bytes().startswith(b"\x89PNG")
    assert len(result["panel"]) == result["programmes"] * 7
