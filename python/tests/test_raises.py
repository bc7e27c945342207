"""Python that raises: inputs that are errors raise (as the ``ssr`` program
exits 2), findings warn once, arguments are checked in Python's terms, and
policies given as dicts are located by their path in the dict."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import ssr_model as ssr

NOWHERE = "".join(
    f"<iati-activity><iati-identifier>XM-NOWHERE-{i}</iati-identifier>"
    f"<title><narrative>Police training {i}</narrative></title>"
    '<activity-status code="2"/><sector code="15210" vocabulary="1"/></iati-activity>\n'
    for i in range(1, 6)
)


def five_without_recipient(tmp_path: Path) -> Path:
    """Five police-training activities that name no recipient: five
    ``iati_missing_country`` findings and nothing else."""
    path = tmp_path / "nowhere.xml"
    path.write_text(f'<iati-activities version="2.03">\n{NOWHERE}</iati-activities>\n')
    return path


def test_a_missing_path_raises_with_the_file(tmp_path: Path):
    missing = tmp_path / "data"
    with pytest.raises(ssr.IatiError) as caught:
        ssr.read_iati([missing], sector="152")
    assert caught.value.file == str(missing)
    assert str(missing) in str(caught.value)


def test_an_html_page_or_an_empty_file_raises_with_file_and_line(tmp_path: Path):
    page = tmp_path / "page.xml"
    page.write_text("<!DOCTYPE html>\n<html><body>Not found</body></html>\n")
    empty = tmp_path / "empty.xml"
    empty.write_text("")
    for path, line in [(page, 2), (empty, 1)]:
        with pytest.raises(ssr.IatiError) as caught:
            ssr.read_iati(path)
        assert (caught.value.file, caught.value.line) == (str(path), line)


def test_a_folder_without_xml_raises(tmp_path: Path):
    with pytest.raises(ssr.IatiError) as caught:
        ssr.read_iati(tmp_path)
    assert "no IATI file to read" in str(caught.value)


def test_findings_warn_once_counted_by_code_and_stay_on_the_report(tmp_path: Path):
    xml = five_without_recipient(tmp_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        p = ssr.read_iati(xml)
    assert [w.category for w in caught] == [ssr.SsrWarning]
    message = str(caught[0].message)
    assert "5 import findings (5 errors, 0 warnings, 0 advice)" in message, message
    assert "iati_missing_country 5" in message, message
    assert len(p) == 5
    codes = [code for code, *_ in p.import_report.findings()]
    assert codes == ["iati_missing_country"] * 5


def test_an_import_warns_only_when_it_has_findings(tmp_path: Path):
    xml = tmp_path / "clean.xml"
    xml.write_text(
        '<iati-activities version="2.03"><iati-activity><iati-identifier>XM-A</iati-identifier>'
        '<title><narrative>Justice</narrative></title><activity-status code="2"/>'
        '<recipient-country code="ML"/><sector code="15130" vocabulary="1"/>'
        "</iati-activity></iati-activities>"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        p = ssr.read_iati(xml)
    assert len(p) == 1
    # Warned exactly when there is something to warn about.
    assert len(caught) == (1 if len(p.import_report) else 0)


def test_sector_takes_a_string_a_list_or_an_int_as_its_digits(tmp_path: Path):
    xml = five_without_recipient(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        as_text = ssr.read_iati(xml, sector="152")
        as_list = ssr.read_iati(xml, sector=["151", "152"])
        as_int = ssr.read_iati(xml, sector=152)
        health = ssr.read_iati(xml, sector=[122])
    assert len(as_text) == len(as_list) == len(as_int) == 5
    assert len(health) == 0
    for wrong in [1.5, True, {"152": 1}, [None]]:
        with pytest.raises(TypeError) as caught:
            ssr.read_iati(xml, sector=wrong)
        assert str(caught.value).startswith("sector: expected a DAC sector prefix as a string")


def test_a_policy_dict_is_located_by_its_path_not_a_line():
    p = ssr.sample()
    with pytest.raises(ssr.PolicyError) as caught:
        p.score(policy={"status": {"tolerance": "ten percent"}})
    err = caught.value
    assert err.path == "/status/tolerance"
    assert "/status/tolerance" in str(err)
    assert "line 1" not in str(err) and "column" not in str(err)
    assert err.line is None and err.column is None
    with pytest.raises(ssr.PolicyError) as caught:
        p.validate(policy={"levels": {"future_actual": "loud"}})
    assert caught.value.path == "/levels/future_actual"
    assert "line 1" not in str(caught.value)
