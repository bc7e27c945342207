"""Tables as pandas, Polars and Arrow frames, and the sample's scores against
the Rust program's."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import pyarrow as pa
import pytest

import ssr_model as ssr

from conftest import run_cli

# Tables that need more than the portfolio (a scorecard, a policy's
# sensitivity section, the years of a panel).
SCORECARD_TABLES = ("findings", "scores", "ranks", "objective_scores", "coherence", "outliers")
PORTFOLIO_TABLES = [n for n in ssr.TABLES if n not in (*SCORECARD_TABLES, "sensitivity", "panel")]


def test_every_portfolio_table_comes_in_three_frames():
    import pandas as pd
    import polars as pl

    p = ssr.sample()
    for name in PORTFOLIO_TABLES:
        arrow = p.table(name, to="arrow")
        assert isinstance(arrow, pa.Table)
        frame = p.table(name)
        assert isinstance(frame, pd.DataFrame)
        polars = p.table(name, to="polars")
        assert isinstance(polars, pl.DataFrame)
        assert len(frame) == len(polars) == arrow.num_rows, name
        assert list(frame.columns) == arrow.column_names == polars.columns
        if name != "flows":  # flows group money by recipient and year
            assert arrow.column_names[0] == "programme_id", name


def test_table_rows_match_the_portfolio():
    p = ssr.sample()
    document = __import__("json").loads(p.to_json())
    programmes = document["programmes"]
    assert p.table("programmes", to="arrow").num_rows == len(programmes)
    assert p.table("stakeholders", to="arrow").num_rows == sum(
        len(x.get("stakeholders", [])) for x in programmes
    )
    periods = sum(
        len(i.get("periods", []))
        for x in programmes
        for c in x.get("components", [])
        for i in c.get("indicators", [])
    )
    assert p.table("periods", to="arrow").num_rows == periods


def test_columns_keep_their_types():
    p = ssr.sample()
    periods = p.table("periods", to="arrow")
    assert pa.types.is_date(periods.schema.field("period_start").type)
    assert pa.types.is_dictionary(periods.schema.field("programme_id").type)
    frame = p.table("periods")
    assert str(frame["period_start"].dtype).startswith("datetime64")


def test_findings_scores_and_ranks_need_their_objects():
    p = ssr.sample()
    for name in ("findings", "scores", "ranks"):
        with pytest.raises(ssr.InvalidValueError, match="not made from the portfolio alone"):
            p.table(name)
    with pytest.raises(ssr.InvalidValueError, match="valid tables: programmes"):
        p.table("programmez")
    with pytest.raises(ssr.InvalidValueError, match="frame"):
        p.table("programmes", to="excel")
    report = p.validate(as_of="2024-12-31")
    findings = report.table()
    assert len(findings) == len(report)
    assert list(findings["code"].astype(str)) == [f[0] for f in report.findings()]
    card = p.score()
    assert card.table().equals(card.table("scores"))
    ranks = p.rank(replications=100, seed=3)
    table = ranks.table(to="arrow")
    assert table.num_rows == len(p)
    assert set(table.column("seed").to_pylist()) == {"3"}
    # A plain scorecard's ranks table has nominal ranks but no Monte Carlo.
    plain = card.table("ranks", to="arrow")
    assert plain.column("rank").to_pylist() == table.column("rank").to_pylist()
    assert plain.column("rank_median").null_count == plain.num_rows


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _same_number(cli: str, python: object) -> bool:
    if cli == "":
        return python is None or (isinstance(python, float) and math.isnan(python))
    return float(cli) == python


# The columns that identify a row of the scores table.
SCORE_KEY = ("programme_id", "measure", "subject_kind", "subject_id", "subject", "year", "dimension", "breakdown", "category")


def score_key(row: dict) -> tuple[str, ...]:
    """A scores row's key as text, the same from CSV (empty cells) and Arrow (None)."""
    return tuple("" if row[c] is None else str(row[c]) for c in SCORE_KEY)


def test_the_sample_scores_equal_the_rust_program(tmp_path: Path, ssr_cli: list[str]):
    document = tmp_path / "sample.json"
    document.write_text(run_cli(ssr_cli, "sample"))
    p = ssr.load(document)
    assert p.to_json() == ssr.sample().to_json()
    cli = _rows(run_cli(ssr_cli, "score", str(document), "--as-of", "2025-06-30", "--format", "csv"))
    ours = p.score(as_of="2025-06-30").table(to="arrow").to_pylist()
    assert len(cli) == len(ours) > 0
    for theirs, mine in zip(cli, ours):
        assert score_key(theirs) == score_key(mine)
        assert _same_number(theirs["value"], mine["value"]), (theirs, mine)


def test_the_sample_ranks_equal_the_rust_program(tmp_path: Path, ssr_cli: list[str]):
    document = tmp_path / "sample.json"
    document.write_text(run_cli(ssr_cli, "sample"))
    args = ["rank", str(document), "--replications", "300", "--seed", "5", "--format", "csv"]
    cli = _rows(run_cli(ssr_cli, *args))
    ranks = ssr.load(document).rank(replications=300, seed=5)
    ours = {score_key(r): r["value"] for r in ranks.scorecard.table(to="arrow").to_pylist()}
    assert cli
    for row in cli:
        assert _same_number(row["value"], ours[score_key(row)]), row
    stats = {r["programme_id"]: r for r in ranks.table(to="arrow").to_pylist()}
    medians = [r for r in cli if r["measure"] == "rank.median"]
    assert medians, "ssr rank --format csv gives each ranked programme's median rank"
    for row in medians:
        assert float(row["value"]) == stats[row["programme_id"]]["rank_median"]


def test_columns_carry_their_meaning():
    # The crate documents every column; the Arrow fields carry it along.
    field = ssr.sample().table("periods", to="arrow").schema.field("period_start")
    assert field.metadata and b"meaning" in field.metadata


def test_money_without_a_rate_is_announced_not_dropped_silently(shared_data: Path):
    import json
    import warnings

    p = ssr.read_iati(shared_data / "iati" / "dportal_97.xml", sector="152")
    document = json.loads(p.to_json())
    programme = next(x for x in document["programmes"] if len(x.get("transactions", [])) >= 2)
    money = programme["transactions"][0]["value"]
    money["currency"] = "JPY" if money["currency"] != "JPY" else "CHF"
    mixed = ssr.loads(json.dumps(document))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        flows = mixed.table("flows", to="arrow").to_pylist()
    # Without rates or a reporting currency nothing is converted: the money
    # keeps its own currency, in rows of its own, and nothing is left out.
    assert caught == []
    assert any(r["currency"] == money["currency"] for r in flows)
    # Asked for one currency without rates, the money is kept and reported.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        mixed.table("flows", currency="EUR" if money["currency"] != "EUR" else "USD")
    assert [w.category for w in caught] == [ssr.SsrWarning]
    assert "not converted for want of an exchange rate" in str(caught[0].message)
    assert "no_exchange_rate" in str(caught[0].message)


def test_an_unwritable_folder_is_an_export_error(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ssr.ExportError) as caught:
        ssr.sample().to_parquet(blocker, tables=["programmes"])
    assert caught.value.file == str(blocker)
    with pytest.raises(ssr.InvalidValueError, match="valid tables"):
        ssr.sample().to_csv(tmp_path / "out", tables=["nonsense"])
    written = ssr.sample().to_csv(tmp_path / "out", tables=["programmes", "findings"])
    assert list(written) == ["programmes", "findings"]
    assert written["programmes"].read_text().startswith("programme_id,")


def test_writing_tables_refuses_to_replace_unless_asked(tmp_path: Path):
    p = ssr.sample()
    p.to_csv(tmp_path, tables=["programmes"])
    table = tmp_path / "programmes.csv"
    table.write_text("edited by hand")
    with pytest.raises(ssr.ExportError) as refused:
        p.to_csv(tmp_path, tables=["programmes"])
    assert "overwrite=True" in str(refused.value)
    assert refused.value.file.endswith("programmes.csv")
    assert table.read_text() == "edited by hand"
    p.to_csv(tmp_path, tables=["programmes"], overwrite=True)
    assert table.read_text().startswith("programme_id,")
    manifest = (tmp_path / "manifest.csv").read_text()
    assert manifest == f"table,file,rows,format,partition\nprogrammes,programmes.csv,{len(p)},csv,none\n"
def test_the_panel_has_a_row_per_programme_and_year():
    import polars as pl

    p = ssr.sample()
    frame = p.panel(range(2019, 2022))
    assert len(frame) == 3 * len(p)
    assert sorted(set(frame["year"])) == [2019, 2020, 2021]
    for column in ("programme_id", "as_of", "recipients", "main_recipient", "composite", "rank", "rank_p05", "ssr_paid_year", "undated_baselines"):
        assert column in frame.columns, column
    # Without uncertainty the Monte Carlo columns are empty, never 0.
    assert frame["rank_p05"].isna().all()
    # One year, as polars; the same as the iterable of that year.
    one = p.panel(2020, to="polars")
    assert isinstance(one, pl.DataFrame)
    assert one.height == len(p)
    assert p.panel([2020], to="arrow").num_rows == len(p)
    # Each sample programme has one recipient, its whole.
    assert set(frame["main_recipient_share"]) == {1.0}
    with pytest.raises(ssr.InvalidValueError):
        p.panel([])
    with pytest.raises(ssr.InvalidValueError):
        p.panel("2020")


def test_the_panel_ranked_with_uncertainty():
    p = ssr.sample()
    frame = p.panel(2021, uncertainty=True, replications=50, seed=1)
    ranked = frame[frame["rank"].notna()]
    assert len(ranked) > 0
    assert (ranked["rank_p05"] <= ranked["rank_p95"]).all()
    assert (ranked["rank_p05"] >= 1).all() and (ranked["rank_p95"] <= len(p)).all()
