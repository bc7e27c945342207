"""IATI import from Python: a real shared file, unreadable files, filters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ssr_model as ssr

from conftest import run_cli


def test_a_real_file_imports_as_the_cli_imports_it(shared_data: Path, ssr_cli: list[str]):
    xml = shared_data / "iati" / "dportal_97.xml"
    p = ssr.read_iati([xml], sector="152")
    assert len(p) > 0
    report = p.import_report
    assert isinstance(report, ssr.Report)
    assert report.raise_for_errors() is None
    # The Rust side, through the command-line program: the same portfolio.
    from_cli = ssr.loads(run_cli(ssr_cli, "import-iati", str(xml), "--sector", "152"))
    # (The program also names the portfolio after the file.)
    assert json.loads(p.to_json())["programmes"] == json.loads(from_cli.to_json())["programmes"]
    # Every finding names the file.
    assert all(str(xml) in message for *_, message in report.findings())


def test_filters_narrow_the_import(shared_data: Path):
    xml = shared_data / "iati" / "dportal_97.xml"
    everything = ssr.read_iati(xml)
    ssr_only = ssr.read_iati(xml, sector=["152"])
    assert 0 < len(ssr_only) <= len(everything)
    assert len(ssr.read_iati(xml, sector="152", country="XK")) <= len(ssr_only)


def test_a_folder_is_read_whole_and_deduplicated(shared_data: Path):
    folder = shared_data / "iati"
    p = ssr.read_iati([folder], sector="152")
    codes = [code for code, *_ in p.import_report.findings()]
    assert "iati_duplicate_activity" in codes, "the two snapshots share activities"
    assert len(p) > len(ssr.read_iati(folder / "dportal_97.xml", sector="152"))


def test_an_unreadable_file_is_named_and_the_rest_imports(tmp_path: Path):
    # As `ssr import-iati` (exit 1): one bad file never costs the others.
    good = tmp_path / "a.xml"
    good.write_text(
        '<iati-activities version="2.03"><iati-activity><iati-identifier>XM-A</iati-identifier>'
        '<title><narrative>Justice</narrative></title><recipient-country code="ML"/>'
        "</iati-activity></iati-activities>"
    )
    html = tmp_path / "b.xml"
    html.write_text("<!DOCTYPE html>\n<html><body>503</body></html>")
    with pytest.warns(ssr.SsrWarning, match="iati_unreadable_file"):
        p = ssr.read_iati([tmp_path])
    assert len(p) == 1
    assert any(f[0] == "iati_unreadable_file" for f in p.import_report.findings())
    # The page alone is no portfolio at all: it raises, with file and line
    # (as `ssr import-iati` exits 2 and writes no document).
    with pytest.raises(ssr.IatiError) as caught:
        ssr.read_iati([html])
    err = caught.value
    assert isinstance(err, ssr.SsrError) and not isinstance(err, ImportError)
    assert err.file == str(html)
    assert err.line == 2
    assert "<html>" in str(err)


def test_bad_filters_are_invalid_values():
    with pytest.raises(ssr.InvalidValueError):
        ssr.read_iati([], sector="15x")
    with pytest.raises(ssr.InvalidValueError):
        ssr.read_iati([], country="QQQ")
    with pytest.raises(ssr.InvalidValueError):
        ssr.read_iati([], region="abc")
    with pytest.raises(ssr.IatiError):
        ssr.read_iati([], country="ML")  # no file to read


def test_the_researchers_flow_on_a_real_file(shared_data: Path, tmp_path: Path):
    p = ssr.read_iati([shared_data / "iati" / "dportal_97.xml"], sector="152")
    programmes = json.loads(p.to_json())["programmes"]
    report = p.validate(as_of="2024-12-31")
    assert len(report.table()) == len(report) > 0
    card = p.score(as_of="2024-12-31")
    scores = card.table("scores", to="polars")
    assert set(scores["programme_id"].cast(str)) == {x["id"] for x in programmes}
    ranks = p.rank(replications=100, seed=1, as_of="2024-12-31")
    ranked = ranks.table()
    assert len(ranked) == len(programmes)
    assert ranked["rank"].notna().sum() == len(ranks)
    transactions = p.table("transactions")
    assert len(transactions) == sum(len(x.get("transactions", [])) for x in programmes) > 0
    written = p.to_parquet(tmp_path, tables=["transactions", "scores"])
    assert sorted(written) == ["scores", "transactions"]
    assert all(path.is_file() for path in written.values())


def test_the_analysts_attributes_reach_their_tables():
    """The hand-written attributes fixture (tests/fixtures/iati/attributes):
    values read off the XML by eye, as in the Rust test tests/iati/attributes.rs."""
    xml = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "iati" / "attributes" / "attributes.xml"
    p = ssr.read_iati(xml)
    markers = p.table("policy_markers", to="arrow").to_pylist()
    assert [m["code"] for m in markers] == ["1", "3", "SSR-OVERSIGHT", "42"]
    transactions = p.table("transactions", to="arrow").to_pylist()
    # Transaction 2 of XM-ATTR-1 overrides the finance type; 1 and 3 take
    # the activity's default 110; XM-ATTR-3 states none (null).
    assert [t["finance_type"] for t in transactions] == ["110", "421", "110", "GRANT", None]
    for name in ["aid_types", "humanitarian_scopes", "locations", "administrative_areas", "related_activities"]:
        assert name in ssr.TABLES
        assert p.table(name, to="arrow").num_rows > 0, name
