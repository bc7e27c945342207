"""Parquet partitioned by year (``to_parquet(..., partition="year")``): the
Hive layout that DuckDB and pyarrow read as one table with a ``year``
column, with the same rows as the unpartitioned files."""

from __future__ import annotations

from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

import ssr_model as ssr

# Money in several years (the sample has no transactions).
MONEY = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "v3" / "import-iati-money.json"
PARTITIONED = ["transactions", "budgets", "flows", "panel"]


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    p = ssr.load(MONEY)
    out = tmp_path_factory.mktemp("partitioned")
    kwargs = dict(as_of="2025-06-30", replications=50, seed=7)
    whole = p.to_parquet(out / "whole", **kwargs)
    parts = p.to_parquet(out / "parts", partition="year", **kwargs)
    return whole, parts


def test_tables_with_a_year_are_folders_of_years(written):
    whole, parts = written
    for name in PARTITIONED:
        folder = Path(parts[name])
        assert folder.is_dir(), name
        assert all(d.name.startswith("year=") for d in folder.iterdir()), name
    assert Path(parts["programmes"]).name == "programmes.parquet"
    manifest = (Path(parts["programmes"]).parent / "manifest.csv").read_text()
    assert "\ntransactions,transactions," in manifest and manifest.rstrip().endswith(",none")


def test_pyarrow_reads_the_hive_folders_with_the_same_rows(written):
    whole, parts = written
    for name in PARTITIONED:
        dataset = ds.dataset(parts[name], format="parquet", partitioning="hive")
        table = dataset.to_table()
        assert table.num_rows == pq.read_table(whole[name]).num_rows, name
        # A table without rows is an empty folder: no year folder to read a
        # year from (the fixture has no budgets).
        if table.num_rows:
            assert "year" in table.column_names, name
    assert pq.read_table(whole["budgets"]).num_rows == 0
    assert list(Path(parts["budgets"]).iterdir()) == []


def test_duckdb_sums_money_by_year_over_the_folder(written):
    duckdb = pytest.importorskip("duckdb")
    whole, parts = written
    con = duckdb.connect()
    by_folder = con.execute(
        f"""
        SELECT year, count(*), sum(value) FROM read_parquet('{parts["transactions"]}/*/*.parquet',
            hive_partitioning = true)
        GROUP BY year ORDER BY year
        """
    ).fetchall()
    by_date = con.execute(
        f"""
        SELECT year(date), count(*), sum(value) FROM read_parquet('{whole["transactions"]}')
        GROUP BY year(date) ORDER BY year(date)
        """
    ).fetchall()
    assert len(by_folder) > 1
    assert [(int(y), n, v) for y, n, v in by_folder] == [(int(y), n, v) for y, n, v in by_date]


def test_partition_is_for_parquet_only(tmp_path: Path):
    p = ssr.load(MONEY)
    with pytest.raises(ValueError, match="to_parquet only"):
        p.to_csv(tmp_path, partition="year")
    with pytest.raises(ValueError, match="'year'"):
        p.to_parquet(tmp_path, partition="month")
