//! Portfolio scoring through the public API, with hand-computed values.

use chrono::NaiveDate;
use ssr_model::Scorer;
use ssr_model::model::{
    Baseline, DacCriterion, Finite, Level, Measure, OrdinalScale, Pillar, ResultLevel,
    StakeholderKind, Weight,
};
use ssr_model::score::compare::{Dimension, Normalisation, PortfolioAggregation};
use ssr_model::score::policy::ScoringPolicy;
use ssr_model::score::programme::Status;
use ssr_model::{
    Component, Country, Evaluation, Indicator, Period, Portfolio, Programme, Stakeholder, Value,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// One component with one indicator from 0 towards 10, at `actual`, and a
/// ministry whose interest (2) is known: it belongs to no inclusion group,
/// so inclusion is known to be 0. Influence and stance are unknown, so
/// there is no resistance exposure.
fn programme(name: &str, actual: f64) -> Programme {
    Programme::new(name, Country::new("SLE").unwrap())
        .with_stakeholder(
            Stakeholder::new("Ministry of Justice", StakeholderKind::NationalGovernment)
                .with_interest(Level::new(2).unwrap()),
        )
        .with_component(
            Component::new("Justice", Pillar::JusticeReform).with_indicator(
                Indicator::new("Cases closed", ResultLevel::Output, Measure::Unit)
                    .with_baseline(
                        Baseline::new(Value::number(0.0).unwrap()).with_date(d(2020, 1, 1)),
                    )
                    .with_period(
                        Period::new(d(2020, 1, 1), d(2020, 12, 31))
                            .with_target(Value::number(10.0).unwrap())
                            .with_actual(Value::number(actual).unwrap()),
                    ),
            ),
        )
}

/// A, B, C at progress 0.8, 0.5, 0.2; inclusion 0 for all, no risks, no
/// evaluations.
fn portfolio() -> Portfolio {
    Portfolio::new()
        .with_programme(programme("A", 8.0))
        .with_programme(programme("B", 5.0))
        .with_programme(programme("C", 2.0))
}

fn scorer(normalisation: Normalisation, method: PortfolioAggregation) -> Scorer {
    let mut policy = ScoringPolicy::default();
    policy.comparison.normalisation = normalisation;
    policy.comparison.method = method;
    Scorer::new(policy).unwrap()
}

fn composites(scorer: &Scorer) -> Vec<f64> {
    let card = scorer.scorecard(&portfolio());
    card.comparison
        .rows
        .iter()
        .map(|r| r.composite.unwrap())
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn min_max_arithmetic_table_and_ranks() {
    let card =
        scorer(Normalisation::MinMax, PortfolioAggregation::Arithmetic).scorecard(&portfolio());
    let rows = &card.comparison.rows;
    // Progress 0.8, 0.5, 0.2 → min-max 100, 50, 0; inclusion 0 for all → 50.
    let progress: Vec<f64> = rows
        .iter()
        .map(|r| r.normalised.get(Dimension::Progress).unwrap())
        .collect();
    assert!(close(progress[0], 100.0) && close(progress[1], 50.0) && close(progress[2], 0.0));
    assert!(
        rows.iter()
            .all(|r| r.normalised.get(Dimension::Inclusion) == Some(50.0))
    );
    assert!(
        rows.iter()
            .all(|r| r.normalised.get(Dimension::Risk).is_none())
    );
    // Composite over the two dimensions with data: 75, 50, 25.
    assert!(close(rows[0].composite.unwrap(), 75.0));
    assert!(close(rows[1].composite.unwrap(), 50.0));
    assert!(close(rows[2].composite.unwrap(), 25.0));
    assert_eq!(
        rows.iter().map(|r| r.rank).collect::<Vec<_>>(),
        [Some(1), Some(2), Some(3)]
    );
    // Two of five equally weighted dimensions have data.
    assert!(rows.iter().all(|r| close(r.coverage, 0.4)));
}

#[test]
fn other_composites_are_hand_computed() {
    // Geometric: sqrt(100·50), sqrt(50·50), sqrt(1·50) (0 floored at 1).
    let g = composites(&scorer(
        Normalisation::MinMax,
        PortfolioAggregation::Geometric,
    ));
    assert!(close(g[0], 5000f64.sqrt()) && close(g[1], 50.0) && close(g[2], 50f64.sqrt()));
    // Harmonic: 2/(1/100 + 1/50) = 66.67; 50; 2/(1/1 + 1/50) = 1.96.
    let h = composites(&scorer(
        Normalisation::MinMax,
        PortfolioAggregation::Harmonic,
    ));
    assert!(close(h[0], 2.0 / 0.03) && close(h[1], 50.0) && close(h[2], 2.0 / 1.02));
    // z-scores: progress mean 0.5, sample sd 0.3 → 1, 0, −1; inclusion 0.
    let z = composites(&scorer(
        Normalisation::ZScore,
        PortfolioAggregation::Arithmetic,
    ));
    assert!(close(z[0], 0.5) && close(z[1], 0.0) && close(z[2], -0.5));
    // Copeland: A beats B and C on progress and ties inclusion; B beats C.
    let c = composites(&scorer(
        Normalisation::MinMax,
        PortfolioAggregation::Copeland,
    ));
    assert_eq!(c, [2.0, 0.0, -2.0]);
}

#[test]
fn z_scores_with_a_geometric_mean_are_refused() {
    let mut policy = ScoringPolicy::default();
    policy.comparison.normalisation = Normalisation::ZScore;
    policy.comparison.method = PortfolioAggregation::Geometric;
    let err = Scorer::new(policy).unwrap_err().to_string();
    assert!(err.contains("/comparison/method"), "{err}");
}

#[test]
fn a_clear_ranking_is_certain() {
    // Every choice the Monte Carlo draws keeps A > B > C: progress is the
    // only dimension that differs and every method is monotone in it.
    let scorer = Scorer::default();
    let card = scorer.scorecard(&portfolio());
    let ranks = scorer.rank_uncertainty(&card);
    assert_eq!(ranks.replications, 1000);
    for (s, expected) in ranks.programmes.iter().zip([1.0, 2.0, 3.0]) {
        assert_eq!(f64::from(s.nominal), expected);
        assert_eq!(
            (s.mean, s.median, s.p05, s.p95, s.sd),
            (expected, expected, expected, expected, 0.0)
        );
    }
}

#[test]
fn as_of_hides_later_actuals() {
    // The only actual is reported for 2020 (2020-01-01 → 2020-12-31), with
    // no date of its own, and the baseline is dated 2020-01-01: on
    // 2019-12-31 neither was known. (Judged on 2020-06-30, as this test
    // once was, the period is open and its actual is known as interim.)
    let mut policy = ScoringPolicy::default().with_as_of(d(2019, 12, 31));
    policy.comparison.dimensions.inclusion.weight = Weight::new(0.0).unwrap();
    let scorer = Scorer::new(policy).unwrap();
    let card = scorer.scorecard(&portfolio());
    let ind = &card.programmes[0].progress.components[0].indicators[0];
    assert_eq!(ind.status, Status::NoData);
    assert_eq!(card.programmes[0].progress.score, None);
    // With inclusion weighted 0, no programme has a weighted dimension.
    assert!(card.comparison.rows.iter().all(|r| r.rank.is_none()));
    assert!(scorer.rank_uncertainty(&card).programmes.is_empty());
}

/// Judged on 2020-06-30, inside the 2020 period: A's actual 8 (baseline 0,
/// target 10) is interim: progress 8 / 10 = 0.8 counts, but the status is
/// `interim`, not a judgement against the time gone.
#[test]
fn an_actual_of_an_open_period_is_interim() {
    let scorer = Scorer::new(ScoringPolicy::default().with_as_of(d(2020, 6, 30))).unwrap();
    let card = scorer.scorecard(&portfolio());
    let p = &card.programmes[0].progress;
    let ind = &p.components[0].indicators[0];
    assert_eq!(ind.status, Status::Interim);
    assert_eq!(ind.progress, Some(0.8));
    assert_eq!(p.score, Some(0.8));
    assert_eq!(p.status_count(Status::Interim), 1);
}

#[test]
fn policy_default_scale_scores_qualitative_indicators() {
    let indicator = Indicator::new("Oversight law", ResultLevel::Outcome, Measure::Qualitative)
        .with_baseline(Baseline::new(Value::label("absent")))
        .with_period(
            Period::new(d(2021, 1, 1), d(2021, 12, 31))
                .with_target(Value::label("enforced"))
                .with_actual(Value::label("adopted")),
        );
    // No scale anywhere: no data.
    assert_eq!(
        Scorer::default().indicator(&indicator).status,
        Status::NoData
    );
    let mut policy = ScoringPolicy::default();
    policy.scales.qualitative =
        Some(OrdinalScale::new(["absent", "drafted", "adopted", "enforced"]).unwrap());
    let s = Scorer::new(policy).unwrap().indicator(&indicator);
    // absent 0, adopted 2/3, enforced 1.
    assert!(close(s.progress.unwrap(), 2.0 / 3.0));
}

#[cfg(feature = "json")]
#[test]
fn scorecard_and_policy_round_trip_through_json() {
    let scorer = Scorer::default();
    let card = scorer.scorecard(&portfolio());
    let card = card
        .clone()
        .with_uncertainty(scorer.rank_uncertainty(&card))
        .unwrap();
    let json = serde_json::to_string(&card).unwrap();
    let back: ssr_model::Scorecard = serde_json::from_str(&json).unwrap();
    assert_eq!(back, card);
    let policy = serde_json::to_string_pretty(scorer.policy()).unwrap();
    assert_eq!(&ScoringPolicy::from_json(&policy).unwrap(), scorer.policy());
}

#[test]
fn tidy_rows_cover_every_programme() {
    let scorer = Scorer::default();
    let card = scorer.scorecard(&portfolio());
    let card = card
        .clone()
        .with_uncertainty(scorer.rank_uncertainty(&card))
        .unwrap();
    let rows = card.rows();
    for name in ["A", "B", "C"] {
        let of = |m: &str| {
            rows.iter()
                .find(|r| r.programme_name == name && r.measure == m && r.subject.is_none())
                .unwrap_or_else(|| panic!("{name} has no {m}"))
                .value
        };
        let justice = rows
            .iter()
            .find(|r| {
                r.programme_name == name
                    && r.measure == "score"
                    && r.subject.as_ref().is_some_and(|s| {
                        s.kind == ssr_model::score::SubjectKind::Component && s.name == "Justice"
                    })
            })
            .unwrap_or_else(|| panic!("{name} has no Justice component row"))
            .value;
        assert_eq!(of("coverage"), Some(1.0));
        assert_eq!(justice, of("score"));
        assert_eq!(of("risk.exposure"), None);
        assert_eq!(of("rank"), of("rank.median"));
    }
    let b_score = rows
        .iter()
        .find(|r| r.programme_name == "B" && r.measure == "score" && r.subject.is_none())
        .unwrap();
    assert_eq!(b_score.value, Some(0.5));
}

#[cfg(feature = "schemars")]
#[test]
fn scorecard_and_policy_have_json_schemas() {
    let card = serde_json::to_value(schemars::schema_for!(ssr_model::Scorecard)).unwrap();
    let text = card.to_string();
    assert!(
        text.contains("programmes") && text.contains("uncertainty"),
        "{text}"
    );
    let policy = serde_json::to_value(schemars::schema_for!(ScoringPolicy)).unwrap();
    assert!(policy.to_string().contains("at_risk_tolerance"));
}

/// An indicator from 0 towards 10 with weight `w`, at `actual` by the end
/// of 2020.
fn weighted(actual: f64, w: f64) -> Indicator {
    Indicator::new("Officers vetted", ResultLevel::Output, Measure::Unit)
        .with_baseline(Baseline::new(Value::number(0.0).unwrap()).with_date(d(2020, 1, 1)))
        .with_period(
            Period::new(d(2020, 1, 1), d(2020, 12, 31))
                .with_target(Value::number(10.0).unwrap())
                .with_actual(Value::number(actual).unwrap()),
        )
        .with_weight(Weight::new(w).unwrap())
}

#[test]
fn weights_at_the_limit_keep_their_ratios() {
    // Weights are relative: the largest weight twice is one to one, as 1
    // and 1 are.
    let max = Weight::LIMIT;
    let programme = Programme::new("Defence reform", Country::new("BIH").unwrap())
        .with_component(
            Component::new("Vetting", Pillar::VettingAndAntiCorruption)
                .with_weight(Weight::new(max).unwrap())
                .with_indicator(weighted(10.0, max)) // p = 1
                .with_indicator(weighted(5.0, max)), // p = 0.5
        )
        .with_component(
            Component::new("Courts", Pillar::JusticeReform)
                .with_weight(Weight::new(max).unwrap())
                .with_indicator(weighted(2.5, 1.0)), // p = 0.25
        );
    let s = Scorer::default().programme(&programme);
    // Components (1 + 0.5)/2 = 0.75 and 0.25, one to one: 0.5.
    assert_eq!(s.components[0].score, Some(0.75));
    assert_eq!(s.components[1].score, Some(0.25));
    assert_eq!(s.score, Some(0.5));
    assert_eq!(s.coverage, 1.0);
    let weights: Vec<(f64, f64)> = s
        .indicators()
        .map(|i| (i.weight, i.effective_weight))
        .collect();
    assert_eq!(weights, [(0.25, 0.25), (0.25, 0.25), (0.5, 0.5)]);
    // At target, the courts indicator lifts the score to (0.75 + 1)/2.
    assert_eq!(s.drags[0].title, "Officers vetted");
    assert_eq!(s.drags[0].shortfall, 0.375);
    #[cfg(feature = "json")]
    {
        let card = Scorer::default().scorecard(&Portfolio::new().with_programme(programme));
        let json = serde_json::to_string(&card).unwrap();
        let back: ssr_model::Scorecard = serde_json::from_str(&json).unwrap();
        assert_eq!(back, card);
    }
}

#[test]
fn policy_weights_at_the_limit_keep_their_ratios() {
    let max = Weight::new(Weight::LIMIT).unwrap();
    let mut policy = ScoringPolicy::default();
    for dimension in Dimension::ALL {
        policy.comparison.dimensions.get_mut(dimension).weight = max;
    }
    let w = &mut policy.evaluation.weights;
    (w.relevance, w.coherence, w.effectiveness) = (max, max, max);
    (w.efficiency, w.impact, w.sustainability) = (max, max, max);
    let scorer = Scorer::new(policy).unwrap();
    // As with equal weights of 1: composites (100 + 50)/2, (50 + 50)/2,
    // (0 + 50)/2 over the two dimensions with data, two sixths covered
    // (finance, weighted here too, has no data).
    let card = scorer.scorecard(&portfolio());
    let rows = &card.comparison.rows;
    for (row, expected) in rows.iter().zip([75.0, 50.0, 25.0]) {
        assert!(close(row.composite.unwrap(), expected), "{row:?}");
    }
    assert!(
        rows.iter().all(|r| close(r.coverage, 2.0 / 6.0)),
        "{rows:?}"
    );
    let ranks = scorer.rank_uncertainty(&card);
    for (s, expected) in ranks.programmes.iter().zip([1.0, 2.0, 3.0]) {
        assert_eq!((s.p05, s.p95), (expected, expected));
    }
    // Evaluation: (1 + 2/3 + 0)/3 with three of six criteria rated.
    let scale = OrdinalScale::new(["poor", "fair", "good", "very good"]).unwrap();
    let evaluation = Evaluation::new("Mid-term review", d(2022, 3, 1), scale)
        .with_rating(DacCriterion::Relevance, "very good")
        .unwrap()
        .with_rating(DacCriterion::Effectiveness, "good")
        .unwrap()
        .with_rating(DacCriterion::Sustainability, "poor")
        .unwrap();
    let e = scorer
        .evaluation(&programme("A", 8.0).with_evaluation(evaluation))
        .unwrap();
    assert!((e.score.unwrap() - 5.0 / 9.0).abs() < 1e-12);
    assert_eq!(e.coverage, 0.5);
}

#[test]
fn values_at_the_limit_score_finitely() {
    let max = Finite::LIMIT;
    // From −LIMIT (start of 2020) towards LIMIT (end of 2021), LIMIT reached
    // by the end of 2020: the whole way, on track.
    let indicator = Indicator::new("Budget executed", ResultLevel::Output, Measure::Unit)
        .with_baseline(Baseline::new(Value::number(-max).unwrap()).with_date(d(2020, 1, 1)))
        .with_period(
            Period::new(d(2020, 1, 1), d(2020, 12, 31)).with_actual(Value::number(max).unwrap()),
        )
        .with_period(
            Period::new(d(2021, 1, 1), d(2021, 12, 31)).with_target(Value::number(max).unwrap()),
        );
    let s = Scorer::default().indicator(&indicator);
    assert_eq!(s.progress, Some(1.0));
    assert_eq!(s.status, Status::OnTrack);
    // The trend from −LIMIT to LIMIT in 365 days, projected 730 days from
    // the baseline: −LIMIT + 2·2·LIMIT = 3·LIMIT, twice the planned way.
    let f = s.forecast.unwrap();
    assert!((f.value / (3.0 * max) - 1.0).abs() < 1e-12, "{f:?}");
    assert!(
        (f.progress - 2.0).abs() < 1e-12 && f.reaches_target,
        "{f:?}"
    );
    #[cfg(feature = "json")]
    {
        let portfolio = Portfolio::new().with_programme(
            Programme::new("Budget reform", Country::new("SLE").unwrap()).with_component(
                Component::new("Defence budget", Pillar::DefenceInstitutionBuilding)
                    .with_indicator(indicator),
            ),
        );
        let card = Scorer::default().scorecard(&portfolio);
        let json = serde_json::to_string(&card).unwrap();
        let back: ssr_model::Scorecard = serde_json::from_str(&json).unwrap();
        assert_eq!(back, card);
    }
}
