"""Exchange rates from Python: the table (a CSV file, rows or a DataFrame),
the `rates=` and `currency=` arguments, and the same results as the `ssr`
program given the same --rates, --rates-base and --currency.

Every expected sum is worked out here from the rates by hand, never taken
from the code under test."""

from __future__ import annotations

import csv
import datetime
import io
import json
import subprocess
import warnings
from pathlib import Path

import pytest

import ssr_model as ssr

from conftest import REPO, run_cli

# Base USD: units of each currency per US dollar, from the date given.
RATES = [
    ("2021-01-01", "EUR", 0.8),
    ("2021-07-01", "EUR", 0.85),
    ("2021-01-01", "GBP", 0.75),
]
RATES_CSV = "date,currency,rate\n" + "".join(f"{d},{c},{r}\n" for d, c, r in RATES)

# By hand, in US dollars: EUR at 0.8 before July 2021 and 0.85 from then.
DISBURSED_USD = 1000 / 0.8 + 500 + 2000 / 0.85
# The flows table's converted amounts are money, exact to four decimals:
# each transaction's converted amount is rounded to 1/10000 of a unit
# (2000 / 0.85 = 2,352.94117… becomes 2,352.9412; 1,250 and 500 are exact).
DISBURSED_USD_IN_FLOWS = 1250 + 500 + 2352.9412
COMMITTED_USD = 3000 / 0.75
# In euros (through the dollar): 500 USD on 2021-09-01 at 0.85, 3000 GBP on
# 2021-02-01 at 0.8 / 0.75.
DISBURSED_EUR = 1000 + 500 * 0.85 + 2000
COMMITTED_EUR = 3000 / 0.75 * 0.8


def _transaction(kind: str, day: str, amount: str, currency: str) -> dict:
    return {
        "kind": kind,
        "date": day,
        "value": {"amount": amount, "currency": currency},
        "value_date": day,
    }


def _document(*, yen: bool = True) -> dict:
    """The sample's first programme (Liberia) with money in EUR, USD, GBP
    and, unless told otherwise, JPY, for which no rate is ever given."""
    document = json.loads(ssr.sample().to_json())
    programme = document["programmes"][0]
    programme["transactions"] = [
        _transaction("disbursement", "2021-03-15", "1000", "EUR"),
        _transaction("disbursement", "2021-09-01", "500", "USD"),
        _transaction("disbursement", "2021-10-01", "2000", "EUR"),
        _transaction("outgoing_commitment", "2021-02-01", "3000", "GBP"),
    ]
    if yen:
        programme["transactions"].append(_transaction("expenditure", "2021-05-01", "100000", "JPY"))
    document["programmes"] = [programme]
    return document


def _portfolio(*, yen: bool = True) -> ssr.Portfolio:
    return ssr.loads(json.dumps(_document(yen=yen)))


def _measures(card: ssr.Scorecard) -> dict[str, tuple[float, str]]:
    rows = card.table(to="arrow").to_pylist()
    # The programme's totals: the yearly rows carry their year.
    return {
        r["measure"]: (r["value"], r["currency"])
        for r in rows
        if r["measure"].startswith("finance.") and r["year"] is None
    }


def _flows(table) -> dict[str, tuple[float, str]]:
    """Per transaction type, the converted amounts summed over the rows of
    every original currency, with the currency they were converted into."""
    rows = table.to_pylist()
    assert {r["recipient"] for r in rows} == {"LBR"} and {r["year"] for r in rows} == {2021}
    out: dict[str, tuple[float, str]] = {}
    for r in rows:
        if r["converted_amount"] is None:
            continue
        total = out.get(r["transaction_type"], (0.0, ""))[0]
        out[r["transaction_type"]] = (total + float(r["converted_amount"]), r["converted_currency"])
    return out


def _caught(action):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = action()
    return result, [w for w in caught if issubclass(w.category, ssr.SsrWarning)]


def test_a_rate_table_from_rows_a_file_and_frames_is_the_same(tmp_path: Path):
    path = tmp_path / "rates.csv"
    path.write_text(RATES_CSV)
    tables = [ssr.ExchangeRates("USD", RATES), ssr.ExchangeRates("USD", path), ssr.ExchangeRates("USD", str(path))]
    columns = {
        "date": [datetime.date.fromisoformat(d) for d, _, _ in RATES],
        "currency": [c for _, c, _ in RATES],
        "rate": [r for _, _, r in RATES],
    }
    tables.append(ssr.ExchangeRates("USD", columns))
    pa = pytest.importorskip("pyarrow")
    tables.append(ssr.ExchangeRates("USD", pa.table(columns)))
    pd = pytest.importorskip("pandas")
    tables.append(ssr.ExchangeRates("USD", pd.DataFrame(columns)))
    tables.append(ssr.ExchangeRates("USD", pd.read_csv(io.StringIO(RATES_CSV))))  # dates as strings
    pl = pytest.importorskip("polars")
    tables.append(ssr.ExchangeRates("USD", pl.DataFrame(columns)))
    for rates in tables:
        assert rates.base == "USD" and len(rates) == 3
        assert repr(rates) == "<ssr_model.ExchangeRates: 3 rate(s) per USD>"
        assert rates.rate_on("EUR", "2021-06-30") == 0.8
        assert rates.rate_on("EUR", datetime.date(2021, 7, 1)) == 0.85
        assert rates.rate_on("EUR", "2020-12-31") is None  # before the first rate: none, no guess
        assert rates.rate_on("USD", "1999-01-01") == 1.0
        assert rates.rate_on("JPY", "2021-06-30") is None


def test_score_converts_finance_into_the_currency_asked_for():
    p = _portfolio()
    rates = ssr.ExchangeRates("USD", RATES)
    usd = _measures(p.score(rates=rates, currency="USD"))
    assert usd["finance.disbursed"] == (pytest.approx(DISBURSED_USD, rel=1e-12), "USD")
    assert usd["finance.committed"] == (pytest.approx(COMMITTED_USD, rel=1e-12), "USD")
    # The yen have no rate: spent is unknown, not zero.
    assert usd["finance.spent"][0] is None
    eur = _measures(p.score(rates=rates, currency="EUR"))
    assert eur["finance.disbursed"] == (pytest.approx(DISBURSED_EUR, rel=1e-12), "EUR")
    assert eur["finance.committed"] == (pytest.approx(COMMITTED_EUR, rel=1e-12), "EUR")


def test_currency_overrides_the_policy_currency_as_the_cli_does():
    p = _portfolio()
    rates = ssr.ExchangeRates("USD", RATES)
    policy = {"finance": {"currency": "EUR"}}
    from_policy = _measures(p.score(policy, rates=rates))
    assert from_policy["finance.disbursed"] == (pytest.approx(DISBURSED_EUR, rel=1e-12), "EUR")
    overridden = p.score(policy, rates=rates, currency="USD")
    assert _measures(overridden)["finance.disbursed"] == (pytest.approx(DISBURSED_USD, rel=1e-12), "USD")
    assert overridden.policy["finance"]["currency"] == "USD"
    ranks = p.rank(replications=20, seed=1, policy=policy, rates=rates, currency="USD")
    assert _measures(ranks.scorecard)["finance.disbursed"][1] == "USD"


def test_the_flows_table_keeps_foreign_money_the_rates_cover():
    p = _portfolio(yen=False)
    # Without rates the money in other currencies is not converted, and said so.
    _, caught = _caught(lambda: p.table("flows", currency="USD"))
    assert len(caught) == 1 and "3 transactions not converted" in str(caught[0].message)
    rates = ssr.ExchangeRates("USD", RATES)
    table, caught = _caught(lambda: p.table("flows", to="arrow", rates=rates, currency="USD"))
    assert caught == []
    flows = _flows(table)
    assert flows["disbursement"] == (pytest.approx(DISBURSED_USD_IN_FLOWS, rel=1e-12), "USD")
    assert flows["outgoing_commitment"] == (pytest.approx(COMMITTED_USD, rel=1e-12), "USD")
    card = p.score(rates=rates, currency="EUR")
    flows = _flows(card.table("flows", to="arrow"))
    assert flows["disbursement"] == (pytest.approx(DISBURSED_EUR, rel=1e-12), "EUR")


def test_a_currency_without_a_rate_still_warns():
    p = _portfolio()
    rates = ssr.ExchangeRates("USD", RATES)
    table, caught = _caught(lambda: p.table("flows", to="arrow", rates=rates, currency="USD"))
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "1 transaction not converted" in message and "JPY" in message and "no_exchange_rate" in message
    assert "expenditure" not in _flows(table)
    # Kept in its own currency, never dropped.
    assert any(r["currency"] == "JPY" and r["amount"] is not None for r in table.to_pylist())


def test_exports_write_the_converted_flows(tmp_path: Path):
    p = _portfolio()
    rates = ssr.ExchangeRates("USD", RATES)
    written, caught = _caught(lambda: p.to_csv(tmp_path / "csv", tables=["flows"], rates=rates, currency="USD"))
    assert len(caught) == 1 and "JPY" in str(caught[0].message)
    with written["flows"].open() as f:
        rows = [r for r in csv.DictReader(f) if r["transaction_type"] == "disbursement"]
    assert sum(float(r["converted_amount"]) for r in rows) == pytest.approx(DISBURSED_USD_IN_FLOWS, rel=1e-12)
    assert {r["converted_currency"] for r in rows} == {"USD"}
    pq = pytest.importorskip("pyarrow.parquet")
    written, _ = _caught(lambda: p.to_parquet(tmp_path / "pq", tables=["flows"], rates=rates, currency="EUR"))
    flows = _flows(pq.read_table(written["flows"]))
    assert flows["disbursement"] == (pytest.approx(DISBURSED_EUR, rel=1e-12), "EUR")


def _same_number(a: str, b) -> bool:
    if a == "":
        return b is None
    return b is not None and float(a) == pytest.approx(b, rel=1e-12, abs=1e-12)


def test_results_equal_the_rust_program_with_the_same_rates(tmp_path: Path, ssr_cli: list[str]):
    document = tmp_path / "portfolio.json"
    document.write_text(json.dumps(_document()))
    rates_file = tmp_path / "rates.csv"
    rates_file.write_text(RATES_CSV)
    money = ["--rates", str(rates_file), "--rates-base", "USD", "--currency", "EUR"]
    p = ssr.load(document)
    rates = ssr.ExchangeRates("USD", rates_file)

    cli = list(csv.DictReader(io.StringIO(run_cli(ssr_cli, "score", str(document), "--format", "csv", *money))))
    ours = p.score(rates=rates, currency="EUR").table(to="arrow").to_pylist()
    assert len(cli) == len(ours) > 0
    finance = 0
    for theirs, mine in zip(cli, ours):
        assert (theirs["measure"], theirs["year"], theirs["currency"]) == (
            mine["measure"],
            "" if mine["year"] is None else str(mine["year"]),
            mine["currency"] or "",
        )
        assert _same_number(theirs["value"], mine["value"]), (theirs, mine)
        finance += theirs["currency"] == "EUR"
    assert finance > 0

    cli_flows = run_cli(ssr_cli, "score", str(document), "--format", "csv", "--table", "flows", *money)
    cli_rows = list(csv.DictReader(io.StringIO(cli_flows)))
    our_rows, _ = _caught(lambda: p.table("flows", to="arrow", rates=rates, currency="EUR").to_pylist())
    assert len(cli_rows) == len(our_rows) > 0
    for theirs, mine in zip(cli_rows, our_rows):
        assert (theirs["transaction_type"], theirs["currency"]) == (mine["transaction_type"], mine["currency"])
        for column in ["amount", "converted_amount"]:
            number = None if mine[column] is None else float(mine[column])
            assert _same_number(theirs[column], number), (theirs, mine)
    out = tmp_path / "cli"
    run_cli(ssr_cli, "export", str(document), "--all", "--out", str(out), "--replications", "30", "--seed", "2", *money)
    written, _ = _caught(lambda: p.to_csv(tmp_path / "py", replications=30, seed=2, rates=rates, currency="EUR"))
    assert list(written) == ssr.TABLES
    for name, path in written.items():
        ours_lines = path.read_text().splitlines()
        assert ours_lines == (out / f"{name}.csv").read_text().splitlines(), name
    with (out / "flows.csv").open() as f:
        rows = [r for r in csv.DictReader(f) if r["transaction_type"] == "disbursement"]
    assert sum(float(r["converted_amount"]) for r in rows) == pytest.approx(DISBURSED_EUR, rel=1e-12)


def test_bad_rates_files_raise_load_errors_with_every_line(tmp_path: Path, ssr_cli: list[str]):
    bad = tmp_path / "bad.csv"
    bad.write_text("date,currency,rate\n2021-01-01,EUR,0.8\n2021-13-01,EUR,0.8\n2021-01-01,XYZ,1\n2021-01-01,GBP,-1\n")
    with pytest.raises(ssr.LoadError) as caught:
        ssr.ExchangeRates("USD", bad)
    err = caught.value
    assert (err.file, err.line, err.kind) == (str(bad), 3, "data")
    for line in (3, 4, 5):
        assert f"line {line}:" in str(err)
    assert "line 2:" not in str(err)
    # The CLI's --rates says the same.
    document = tmp_path / "sample.json"
    document.write_text(ssr.sample().to_json())
    done = subprocess.run(
        [*ssr_cli, "score", str(document), "--rates", str(bad), "--rates-base", "USD"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0 and str(err) in done.stderr
    with pytest.raises(ssr.LoadError) as caught:
        ssr.ExchangeRates("USD", tmp_path / "missing.csv")
    assert caught.value.kind == "io" and caught.value.file == str(tmp_path / "missing.csv")


def test_bad_rate_rows_raise_invalid_values_with_every_row():
    rows = [
        ("2021-01-01", "EUR", 0.8),
        ("2021-13-01", "EUR", 0.8),
        ("2021-01-01", "XYZ", 1.0),
        ("2021-01-01", "GBP", -1.0),
        (datetime.date(2021, 1, 1), "GBP", float("nan")),
        ("2021-01-01", "GBP"),
        ("2021-01-01", "EUR", 0.9),  # contradicts row 0
        (datetime.datetime(2021, 1, 1, 12), "CHF", 0.9),
    ]
    with pytest.raises(ssr.InvalidValueError) as caught:
        ssr.ExchangeRates("USD", rows)
    message = str(caught.value)
    assert caught.value.path == "/1"
    assert message.startswith("7 row(s) of the rates could not be read")
    for row in range(1, 8):
        assert f"row {row}:" in message
    assert "row 0:" not in message
    with pytest.raises(ssr.InvalidValueError, match="base"):
        ssr.ExchangeRates("XYZ", [])
    with pytest.raises(ssr.InvalidValueError, match="expected a CSV file path"):
        ssr.ExchangeRates("USD", 42)


def test_bad_frames_and_arguments_are_refused(tmp_path: Path):
    pd = pytest.importorskip("pandas")
    with pytest.raises(ssr.InvalidValueError, match="missing rate"):
        ssr.ExchangeRates("USD", pd.DataFrame({"date": ["2021-01-01"], "currency": ["EUR"]}))
    stamps = pd.DataFrame({"date": pd.to_datetime(["2021-01-01"]), "currency": ["EUR"], "rate": [0.8]})
    with pytest.raises(ssr.InvalidValueError, match="timestamps"):
        ssr.ExchangeRates("USD", stamps)
    p = _portfolio()
    with pytest.raises(ssr.InvalidValueError, match="currency"):
        p.score(currency="XYZ")
    with pytest.raises(ssr.InvalidValueError, match="currency"):
        p.table("flows", currency="dollars")
    with pytest.raises(TypeError):
        p.score(rates="rates.csv")
    with pytest.raises(TypeError, match="rates"):
        p.to_csv(tmp_path, rates={"EUR": 0.8})
    with pytest.raises(TypeError, match="unexpected keyword argument 'rate'"):
        p.to_parquet(tmp_path, rate=None)
    with pytest.raises(TypeError, match="tables"):
        p.to_csv(tmp_path, tables="flows")
