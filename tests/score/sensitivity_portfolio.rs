//! The sensitivity analysis of the portfolio's ranking: factors as data in
//! the scoring policy, worked on small portfolios whose answer is known.

use ssr_model::Scorer;
use ssr_model::model::{ResultLevel, Weight};
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::score::compare::{Dimension, PortfolioAggregation};
use ssr_model::score::policy::{ScoringPolicy, SensitivityFactor, SensitivityPolicy};
use ssr_model::score::sensitivity::{Sensitivity, SensitivityOutput, SensitivityRow};

/// A policy weighing progress (1) and evaluation (nominal 1) only.
fn two_dimensions() -> ScoringPolicy {
    let mut policy = ScoringPolicy::default();
    for d in [Dimension::Risk, Dimension::Resistance, Dimension::Inclusion] {
        policy.comparison.dimensions.get_mut(d).weight = Weight::ZERO;
    }
    policy
}

fn rows<'a>(result: &'a Sensitivity, factor: &'a str) -> impl Iterator<Item = &'a SensitivityRow> {
    result.rows.iter().filter(move |r| r.factor == factor)
}

#[test]
fn a_factor_that_changes_nothing_explains_nothing_and_the_only_one_that_does_explains_all() {
    // Ranked on progress and evaluation alone, the evaluation weight is the
    // only factor that can move a composite: the on-track tolerance sets
    // statuses, and finance weighs 0, so leaving it out changes nothing.
    // Where x = y(A), y(AB_j) = y(A) for such a factor j, so both its
    // estimators are 0 exactly: S_j = mean(B·(AB_j − A)) = 0 and
    // S_Tj = ½·mean((A − AB_j)²) = 0. For the weight, y(AB_w) = y(B), so
    // S_Tw = ½·mean((A − B)²)/var = 1 up to sampling error, and S_w too.
    let mut policy = two_dimensions();
    policy.sensitivity = Some(
        SensitivityPolicy::new(vec![
            SensitivityFactor::Weight {
                dimension: Dimension::Evaluation,
                low: 0.1,
                high: 5.0,
            },
            SensitivityFactor::OnTrackTolerance {
                low: 0.05,
                high: 0.25,
            },
            SensitivityFactor::DropDimension {
                options: vec![Dimension::Finance],
            },
        ])
        .with_samples(256)
        .with_seed(7),
    );
    let portfolio = synthetic(
        &Synthetic::new(12)
            .with_components(2)
            .with_indicators(2)
            .with_periods(3),
    );
    let result = Scorer::new(policy)
        .unwrap()
        .sensitivity(&portfolio)
        .unwrap();
    assert_eq!(
        result.factors,
        ["weight:evaluation", "on_track_tolerance", "drop_dimension"]
    );
    assert_eq!(result.runs, 256 * 5);
    for factor in ["on_track_tolerance", "drop_dimension"] {
        for row in rows(&result, factor) {
            assert_eq!(
                (row.s_first, row.s_total),
                (Some(0.0), Some(0.0)),
                "{row:?}"
            );
            assert_eq!((row.s_total_low, row.s_total_high), (Some(0.0), Some(0.0)));
        }
    }
    let mut moved = 0;
    for row in rows(&result, "weight:evaluation") {
        let sd = row.sd.unwrap();
        if sd == 0.0 {
            // An output no weight moves (a programme whose rank holds
            // whatever the weight): constant outputs give 0.
            assert_eq!(row.s_total, Some(0.0));
            continue;
        }
        moved += 1;
        // Each interval covers 1 with 95 % chance, so of many outputs some
        // would miss it by chance: each is held to three half-widths
        // (about 6 standard errors). The outputs share one sample of the
        // weight, so their errors are alike and averaging them gains
        // nothing.
        for (s, low, high) in [
            (row.s_first, row.s_first_low, row.s_first_high),
            (row.s_total, row.s_total_low, row.s_total_high),
        ] {
            let (s, half) = (s.unwrap(), (high.unwrap() - low.unwrap()) / 2.0);
            assert!((s - 1.0).abs() <= 3.0 * half, "{row:?}");
        }
    }
    assert!(moved > 3, "the weight moves some outputs");
}

#[test]
fn nominal_values_are_the_comparisons() {
    let mut policy = ScoringPolicy::default();
    policy.sensitivity = Some(SensitivityPolicy::standard(&policy).with_samples(16));
    let portfolio = ssr_model::samples::portfolio();
    let scorer = Scorer::new(policy).unwrap();
    let card = scorer.scorecard(&portfolio);
    let result = scorer.sensitivity(&portfolio).unwrap();
    let ranked = card
        .comparison
        .rows
        .iter()
        .filter(|r| r.rank.is_some())
        .count();
    assert_eq!(result.programmes, ranked);
    for row in &result.rows {
        match row.output {
            SensitivityOutput::MeanRankShift => {
                assert_eq!(
                    (row.programme, row.row, row.nominal),
                    (None, None, Some(0.0))
                );
            }
            SensitivityOutput::Rank | SensitivityOutput::Composite => {
                let c = &card.comparison.rows[row.row.unwrap()];
                assert_eq!(Some(c.programme), row.programme);
                let nominal = if row.output == SensitivityOutput::Rank {
                    c.rank.map(f64::from)
                } else {
                    c.composite
                };
                assert_eq!(row.nominal, nominal);
            }
            _ => unreachable!(),
        }
    }
}

#[test]
fn the_same_for_any_thread_count() {
    let mut policy = ScoringPolicy::default();
    let mut sensitivity = SensitivityPolicy::standard(&policy)
        .with_samples(64)
        .with_seed(3);
    sensitivity.factors.push(SensitivityFactor::LevelWeight {
        level: ResultLevel::Outcome,
        low: 0.5,
        high: 2.0,
    });
    sensitivity.factors.push(SensitivityFactor::Aggregation {
        options: vec![
            PortfolioAggregation::Arithmetic,
            PortfolioAggregation::Copeland,
        ],
    });
    // Standard already draws the aggregation: replace it.
    sensitivity.factors.retain({
        let mut seen = false;
        move |f| {
            if matches!(f, SensitivityFactor::Aggregation { .. }) {
                let keep = seen;
                seen = true;
                keep
            } else {
                true
            }
        }
    });
    policy.sensitivity = Some(sensitivity);
    let portfolio = synthetic(
        &Synthetic::new(60)
            .with_components(3)
            .with_indicators(2)
            .with_periods(3),
    );
    let scorer = Scorer::new(policy).unwrap();
    let one = scorer
        .clone()
        .with_threads(1)
        .sensitivity(&portfolio)
        .unwrap();
    for threads in [2, 3, 8] {
        let many = scorer
            .clone()
            .with_threads(threads)
            .sensitivity(&portfolio)
            .unwrap();
        assert_eq!(one, many, "{threads} threads");
    }
    // The ranks move: a summary with some variance.
    let shift = one
        .rows
        .iter()
        .find(|r| r.output == SensitivityOutput::MeanRankShift)
        .unwrap();
    assert!(shift.sd.unwrap() > 0.0);
}

#[test]
#[cfg(feature = "json")]
fn policy_problems_are_findings_at_their_pointers() {
    let err = ScoringPolicy::from_json(
        r#"{"comparison": {"method": "geometric"}, "sensitivity": {
            "samples": 1, "resamples": 1,
            "factors": [
                {"factor": "weight", "dimension": "risk", "low": -1, "high": 2},
                {"factor": "imputation", "options": []},
                {"factor": "weight", "dimension": "risk", "low": 0, "high": 2},
                {"factor": "on_track_tolerance", "low": 0.1, "high": 0.5},
                {"factor": "normalisation", "options": ["z_score"]}
            ]
        }}"#,
    )
    .unwrap_err();
    let ssr_model::score::policy::PolicyError::Invalid { problems } = err else {
        panic!("{err}")
    };
    let paths: Vec<String> = problems.iter().map(|p| p.path.to_string()).collect();
    assert_eq!(
        paths,
        [
            "/sensitivity/samples",
            "/sensitivity/resamples",
            "/sensitivity/factors/0",
            "/sensitivity/factors/1/options",
            "/sensitivity/factors/2", // risk's weight twice
            "/sensitivity/factors/3", // above the at-risk tolerance 0.3
            "/sensitivity/factors",   // z-scores with the geometric mean
        ]
    );
    assert!(problems.iter().all(|p| p.code.as_str() == "policy_invalid"));
    // An unknown kind or member is a parse error.
    assert!(
        ScoringPolicy::from_json(r#"{"sensitivity": {"factors": [{"factor": "weights"}]}}"#)
            .is_err()
    );
    assert!(ScoringPolicy::from_json(
        r#"{"sensitivity": {"factors": [{"factor": "normalisation", "options": ["min_max"], "x": 1}]}}"#
    )
    .is_err());
    // A policy without the section loads, has none, and writes none.
    let old = ScoringPolicy::from_json(r#"{"status": {"tolerance": 0.1}}"#).unwrap();
    assert_eq!(old.sensitivity, None);
    assert!(!serde_json::to_string(&old).unwrap().contains("sensitivity"));
}
