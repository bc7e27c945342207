"""Loading, saving, the sample, and the errors of bad documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ssr_model as ssr


def test_sample_has_its_seven_programmes():
    p = ssr.sample()
    assert isinstance(p, ssr.Portfolio)
    assert len(p) == 7
    assert "sample" in p.name
    assert p.import_report is None
    # The same portfolio every call: ids are derived from fixed names.
    assert p.to_json() == ssr.sample().to_json()


def test_save_and_load_round_trip(tmp_path: Path):
    p = ssr.sample()
    path = tmp_path / "portfolio.json"
    p.save(path)
    loaded = ssr.load(path)
    assert loaded.to_json() == p.to_json()
    assert ssr.load(str(path)).to_json() == p.to_json()
    assert ssr.loads(p.to_json(pretty=True)).to_json() == p.to_json()
    assert json.loads(p.to_json())["schema_version"] >= 2


def test_version_1_documents_still_load(shared_data: Path):
    v1 = ssr.load(shared_data / "documents" / "v1" / "sample.json")
    assert len(v1) == len(ssr.sample())


def test_unknown_field_is_a_load_error_with_its_path_line_and_column(tmp_path: Path):
    text = '{"schema_version": 2,\n "programmes": [{"nmae": "x"}]}'
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(ssr.LoadError) as caught:
        ssr.load(path)
    err = caught.value
    assert isinstance(err, ssr.SsrError)
    assert err.path == "/programmes/0/nmae"
    assert err.line == 2
    assert err.column is not None and err.column > 1
    assert err.kind == "data"
    assert err.file == str(path)
    assert "unknown field `nmae`" in str(err)
    # loads: the same error, without a file.
    with pytest.raises(ssr.LoadError) as again:
        ssr.loads(text)
    assert (again.value.path, again.value.line, again.value.file) == (err.path, err.line, None)


def test_truncated_and_malformed_documents():
    with pytest.raises(ssr.LoadError) as caught:
        ssr.loads('{"schema_version": 2, "programmes": [')
    assert caught.value.kind == "truncated"
    with pytest.raises(ssr.LoadError) as caught:
        ssr.loads('{"schema_version": 2,, }')
    assert caught.value.kind == "syntax"
    assert caught.value.line == 1


def test_a_newer_schema_is_refused_by_name():
    with pytest.raises(ssr.LoadError) as caught:
        ssr.loads('{"schema_version": 99, "programmes": []}')
    assert caught.value.kind == "unsupported_version"
    assert "99" in str(caught.value)


def test_a_missing_file_is_a_load_error_naming_it(tmp_path: Path):
    missing = tmp_path / "nowhere.json"
    with pytest.raises(ssr.LoadError) as caught:
        ssr.load(missing)
    assert caught.value.kind == "io"
    assert caught.value.file == str(missing)


def test_errors_survive_pickling():
    import pickle

    with pytest.raises(ssr.LoadError) as caught:
        ssr.loads('{"schema_version": 2, "programmes": [{"nmae": "x"}]}')
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is ssr.LoadError
    assert (copy.path, copy.line, str(copy)) == (caught.value.path, caught.value.line, str(caught.value))


def test_docstrings_are_visible_in_help():
    for item in (
        ssr.load,
        ssr.loads,
        ssr.sample,
        ssr.read_iati,
        ssr.Portfolio,
        ssr.Portfolio.validate,
        ssr.Portfolio.score,
        ssr.Portfolio.rank,
        ssr.Portfolio.table,
        ssr.Portfolio.to_parquet,
        ssr.Report.raise_for_errors,
        ssr.Scorecard.table,
        ssr.Ranks.table,
        ssr.LoadError,
    ):
        assert item.__doc__ and len(item.__doc__) > 40, item
    # Signatures reach help() too.
    assert "replications" in str(__import__("inspect").signature(ssr.Portfolio.rank))


def test_to_html_is_one_self_contained_page_with_escaped_names():
    html = ssr.sample().to_html(replications=50)
    assert html.startswith("<!DOCTYPE html>")
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') >= 10
    assert "<script" not in html
    rest = html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "http://" not in rest and "https://" not in rest
    # One rank row per ranked programme, as rank() gives them.
    ranked = ssr.sample().rank(replications=50).table()
    assert html.count('<tr class="rank-row"') == int(ranked["rank"].notna().sum())
