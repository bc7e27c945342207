"""Validation, scoring and ranking, and the errors of bad policies."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import ssr_model as ssr


def test_as_of_turns_on_the_time_dependent_checks():
    p = ssr.sample()
    without = p.validate()
    judged = p.validate(as_of="2024-12-31")
    codes = lambda report: {code for code, *_ in report.findings()}  # noqa: E731
    assert "future_actual" not in codes(without)
    assert "future_actual" in codes(judged)
    assert p.validate(as_of=datetime.date(2024, 12, 31)).findings() == judged.findings()
    counts = judged.counts()
    assert sum(counts.values()) == len(judged)
    assert judged.is_valid == (counts["error"] == 0)
    assert str(judged).splitlines()[-1].startswith(f"{counts['error']} error")


def test_a_validation_policy_changes_levels():
    p = ssr.sample()
    judged = p.validate(as_of="2024-12-31")
    allowed = p.validate(as_of="2024-12-31", policy={"levels": {"future_actual": "allow"}})
    assert len(allowed) == len(judged) - sum(1 for f in judged.findings() if f[0] == "future_actual")


def test_raise_for_errors_raises_the_first_error_with_its_path():
    report = ssr.sample().validate(as_of="2024-12-31")
    errors = [f for f in report.findings() if f[1] == "error"]
    assert errors, "the sample judged at 2024-12-31 reports actuals of periods not yet ended"
    with pytest.raises(ssr.ValidationError) as caught:
        report.raise_for_errors()
    err = caught.value
    assert (err.code, err.path) == (errors[0][0], errors[0][2])
    assert err.findings == [(c, path, m) for c, _, path, m in errors]
    # A report without errors does not raise.
    assert ssr.sample().validate().raise_for_errors() is None


def test_bad_dates_are_invalid_values():
    p = ssr.sample()
    with pytest.raises(ssr.InvalidValueError):
        p.validate(as_of="2024-13-01")
    with pytest.raises(ValueError):  # also a builtin ValueError
        p.score(as_of="31/12/2024")
    with pytest.raises(ssr.InvalidValueError):
        p.score(as_of=datetime.datetime(2024, 12, 31, 12))


def test_policy_errors_carry_their_path_and_file(tmp_path: Path):
    p = ssr.sample()
    with pytest.raises(ssr.PolicyError) as caught:
        p.score(policy={"status": {"tolerance": 3}})
    assert caught.value.path == "/status/tolerance"
    with pytest.raises(ssr.PolicyError) as caught:
        p.score(policy={"statsu": {}})
    assert caught.value.path == "/statsu"
    bad = tmp_path / "policy.json"
    bad.write_text('{"risk": {"bands": "x"}}')
    with pytest.raises(ssr.PolicyError) as caught:
        p.score(policy=bad)
    assert caught.value.file == str(bad)
    assert caught.value.path.startswith("/risk")
    with pytest.raises(ssr.PolicyError) as caught:
        p.score(policy=tmp_path / "missing.json")
    assert caught.value.file == str(tmp_path / "missing.json")
    with pytest.raises(ssr.PolicyError) as caught:
        p.validate(policy={"percentage_tolerance": -1})
    assert caught.value.path == "/percentage_tolerance"


def test_a_policy_round_trips_through_the_scorecard(tmp_path: Path):
    p = ssr.sample()
    card = p.score(as_of="2025-06-30")
    assert card.policy["as_of"] == "2025-06-30"
    again = p.score(policy=card.policy)
    assert again.to_json() == card.to_json()
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(card.policy))
    assert p.score(policy=path).to_json() == card.to_json()
    assert p.score(policy=str(path)).to_json() == card.to_json()


def test_the_policy_comes_as_python_objects_shaped_as_its_json():
    p = ssr.sample()
    card = p.score(policy={"ranking": {"min_results_coverage": 0.8}}, as_of="2025-06-30")
    policy = card.policy
    # Dicts, lists, strings and numbers, not JSON text.
    assert isinstance(policy, dict)
    assert isinstance(policy["ranking"], dict)
    assert isinstance(policy["ranking"]["min_results_coverage"], float)
    assert policy["ranking"]["min_results_coverage"] == 0.8
    assert policy["as_of"] == "2025-06-30"
    # The same values, in the same shapes, as the scorecard's JSON says.
    assert policy == json.loads(card.to_json())["policy"]


def test_ranks_are_reproducible_for_a_seed():
    p = ssr.sample()
    ranks = p.rank(replications=200, seed=1)
    assert (ranks.replications, ranks.seed) == (200, 1)
    assert len(ranks) <= len(p)
    same = p.rank(replications=200, seed=1)
    assert same.scorecard.to_json() == ranks.scorecard.to_json()
    other = p.rank(replications=200, seed=2)
    assert json.loads(other.scorecard.to_json())["uncertainty"]["seed"] == 2


def test_the_scorecard_has_its_coherence_and_outliers_tables():
    p = ssr.sample()
    card = p.score()
    coherence = card.table("coherence", to="arrow")
    # Five weighted dimensions: 2 × (5 + 10) correlations, alpha, PC1.
    assert coherence.num_rows == 32
    assert coherence.column_names == [
        "statistic", "dimension_a", "dimension_b", "method", "value", "rows", "programmes",
    ]
    assert card.table("outliers", to="arrow").num_rows == 0  # the default treats nothing
    policy = {"audit": {"outliers": {"treatment": "winsorise"}}}
    treated = p.score(policy=policy).table("outliers")
    assert list(treated["dimension"]) == ["inclusion"]
    assert json.loads(card.to_json())["comparison"]["audit"]["coherence"]["dimensions"][0] == "progress"
