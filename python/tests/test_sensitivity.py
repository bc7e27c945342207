"""Sobol sensitivity of the ranking (``Portfolio.sensitivity``,
``matrix_sensitivity``) and the matrix API (``rank_matrix``), checked
against what the Rust side and hand arithmetic say."""

from __future__ import annotations

import pytest

import ssr_model as ssr

COLUMNS = [
    "programme_id",
    "programme_name",
    "row",
    "factor",
    "output",
    "nominal",
    "sd",
    "s_first",
    "s_first_low",
    "s_first_high",
    "s_total",
    "s_total_low",
    "s_total_high",
    "samples",
    "runs",
    "resamples",
    "seed",
]


def test_portfolio_sensitivity_is_the_sensitivity_table():
    p = ssr.sample()
    t = p.sensitivity(samples=16, seed=3, to="arrow")
    assert t.column_names == COLUMNS
    # The standard factors: five weighted dimensions, normalisation,
    # aggregation, leaving one dimension out.
    assert len(set(t.column("factor").to_pylist())) == 8
    assert set(t.column("runs").to_pylist()) == {16 * 10}
    summary = [o for o in t.column("output").to_pylist() if o == "mean_rank_shift"]
    assert len(summary) == 8
    # Seeded: the same table again.
    assert t.equals(p.sensitivity(samples=16, seed=3, to="arrow"))


def test_the_policy_names_the_factors():
    policy = {
        "sensitivity": {
            "samples": 8,
            "factors": [
                {"factor": "weight", "dimension": "progress", "low": 0.5, "high": 2},
                {"factor": "on_track_tolerance", "low": 0.05, "high": 0.25},
            ],
        }
    }
    t = ssr.sample().sensitivity(policy=policy, to="arrow")
    assert set(t.column("factor").to_pylist()) == {"weight:progress", "on_track_tolerance"}
    rows = t.to_pylist()
    # The tolerance sets statuses, not scores: it explains nothing.
    assert all(r["s_total"] == 0.0 for r in rows if r["factor"] == "on_track_tolerance")
    with pytest.raises(ssr.PolicyError) as e:
        ssr.sample().sensitivity(policy={"sensitivity": {"factors": []}})
    assert e.value.path == "/sensitivity/factors"


def test_rank_matrix_gives_the_nominal_ranks_by_hand():
    # Weights ¼ and ¾: 0.2/4 + 0.9·¾ = 0.725, 0.7/4 + 0.4·¾ = 0.475, so
    # row A is first and B second; C ties B.
    t = ssr.rank_matrix(
        [[0.2, 0.9], [0.7, 0.4], [0.7, 0.4]], [1, 3], names=["A", "B", "C"], replications=50, to="arrow"
    )
    assert t.column_names == ["row", "name", "nominal", "mean", "median", "p05", "p95", "sd"]
    assert t.column("name").to_pylist() == ["A", "B", "C"]
    assert t.column("nominal").to_pylist() == [1.0, 2.5, 2.5]
    assert t.equals(
        ssr.rank_matrix([[0.2, 0.9], [0.7, 0.4], [0.7, 0.4]], [1, 3], names=["A", "B", "C"], replications=50, to="arrow", threads=1)
    )
    with pytest.raises(ssr.InvalidValueError):
        ssr.rank_matrix([[1.0, 2.0], [1.0]], [1, 1])


def test_matrix_sensitivity_has_the_columns_as_factors():
    t = ssr.matrix_sensitivity([[0.2, 0.9], [0.7, 0.4], [0.5, 0.6]], [1, 2], samples=32, to="arrow")
    assert t.column_names == COLUMNS
    assert t.column("factor").to_pylist()[:5] == ["weight:0", "weight:1", "normalisation", "aggregation", "drop_column"]
    assert t.num_rows == 5 * 7
    with pytest.raises(ssr.InvalidValueError):
        ssr.matrix_sensitivity([[0.2]], [1], samples=1)
