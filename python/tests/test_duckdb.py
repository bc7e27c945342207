"""DuckDB reads the Parquet files and agrees with the CSV files: row counts,
money and score sums; and a SQL join of scores to recipients."""

from __future__ import annotations

import csv
import math
from decimal import Decimal
from pathlib import Path

import pytest

import ssr_model as ssr

from conftest import SHARED_DATA

duckdb = pytest.importorskip("duckdb")

# Columns whose sums are compared: exact money (decimal in Parquet) and
# floats (amounts in one currency, scores).
MONEY = {"transactions": ["value"], "budgets": ["value"], "flows": ["amount", "ssr_amount"]}
FLOATS = {"scores": ["value"], "ranks": ["composite", "rank_mean"]}


@pytest.fixture(scope="module", params=["sample", "dportal_97"])
def exported(request, tmp_path_factory):
    """Every table of a portfolio as Parquet and as CSV, under one policy
    and seed."""
    if request.param == "sample":
        p = ssr.sample()
    else:
        shared = SHARED_DATA / "iati" / "dportal_97.xml"
        if not shared.is_file():
            pytest.skip(f"shared data not found: looked for {shared} (a plain clone has none)")
        p = ssr.read_iati(shared, sector="152")
    out = tmp_path_factory.mktemp(request.param)
    kwargs = dict(as_of="2025-06-30", replications=200, seed=7)
    parquet = p.to_parquet(out / "parquet", **kwargs)
    csvs = p.to_csv(out / "csv", **kwargs)
    assert list(parquet) == list(csvs) == ssr.TABLES
    return p, parquet, csvs


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_duckdb_row_counts_equal_the_csv(exported):
    _, parquet, csvs = exported
    con = duckdb.connect()
    for name in ssr.TABLES:
        rows = con.execute(f"SELECT count(*) FROM read_parquet('{parquet[name]}')").fetchone()[0]
        assert rows == len(_csv(csvs[name])), name
        columns = [c[0] for c in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{parquet[name]}')").fetchall()]
        with open(csvs[name], newline="", encoding="utf-8") as f:
            assert columns == next(csv.reader(f)), name


def test_duckdb_money_and_score_sums_equal_the_csv(exported):
    p, parquet, csvs = exported
    con = duckdb.connect()
    for name, columns in MONEY.items():
        rows = _csv(csvs[name])
        for column in columns:
            expected = sum((Decimal(r[column]) for r in rows if r[column] != ""), Decimal(0))
            got = con.execute(f"SELECT sum({column}) FROM read_parquet('{parquet[name]}')").fetchone()[0]
            assert (got or Decimal(0)) == expected, (name, column)
            # Parquet keeps money exact: a decimal column, not a float.
            kind = con.execute(f"SELECT typeof({column}) FROM read_parquet('{parquet[name]}') LIMIT 1").fetchone()
            assert kind is None or kind[0].startswith("DECIMAL"), (name, kind)
    for name, columns in FLOATS.items():
        rows = _csv(csvs[name])
        for column in columns:
            values = [float(r[column]) for r in rows if r[column] != ""]
            got, known = con.execute(
                f"SELECT sum({column}), count({column}) FROM read_parquet('{parquet[name]}')"
            ).fetchone()
            assert known == len(values), (name, column)
            assert (got or 0.0) == pytest.approx(math.fsum(values), rel=1e-12, abs=1e-9), (name, column)


def test_real_money_is_there_to_sum(exported):
    p, parquet, _ = exported
    if "sample" in str(parquet["transactions"]):
        pytest.skip("the sample has no transactions: the real file checks money")
    con = duckdb.connect()
    n = con.execute(f"SELECT count(*) FROM read_parquet('{parquet['transactions']}')").fetchone()[0]
    assert n > 0


def test_a_sql_join_of_scores_to_recipients(exported):
    p, parquet, _ = exported
    con = duckdb.connect()
    joined = con.execute(
        f"""
        SELECT s.programme_id, r.recipient, s.value
        FROM read_parquet('{parquet['scores']}') AS s
        JOIN read_parquet('{parquet['recipients']}') AS r USING (programme_id)
        WHERE s.measure = 'score' AND s.subject_kind IS NULL
        ORDER BY s.programme_id, r.recipient
        """
    ).fetchall()
    # The same join in pandas, from the tables handed over in memory.
    scores = p.score(as_of="2025-06-30").table()
    recipients = p.table("recipients")
    scores = scores[(scores["measure"] == "score") & scores["subject_kind"].isna()]
    scores = scores.astype({"programme_id": str})
    recipients = recipients.astype({"programme_id": str, "recipient": str})
    merged = scores.merge(recipients, on="programme_id").sort_values(["programme_id", "recipient"])
    assert len(joined) == len(merged) > 0
    for (pid, recipient, value), (_, row) in zip(joined, merged.iterrows()):
        assert (pid, recipient) == (row["programme_id"], row["recipient"])
        assert (value is None and math.isnan(row["value"])) or value == row["value"]
