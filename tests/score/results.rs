//! The results chain scored: progress by level and per objective, evidence
//! grades, disaggregated progress and the gender gap, each worked by hand;
//! and properties on generated portfolios: an indicator measuring no
//! objective never moves objective progress, the order of breakdown
//! categories changes nothing, and categories summing to the total never
//! raise `breakdown_sum`.

use chrono::NaiveDate;
use proptest::prelude::*;
use ssr_model::Scorer;
use ssr_model::diagnostics::{Code, ValidationPolicy};
use ssr_model::model::*;
use ssr_model::score::SubjectKind;
use ssr_model::score::policy::ScoringPolicy;
use ssr_model::score::programme::ResultsProfile;
use ssr_model::validate;
use ssr_model::*;

fn d(y: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, 12, 31).unwrap()
}

fn n(x: f64) -> Value {
    Value::number(x).unwrap()
}

/// An indicator with baseline `b`, one period ending 2022 with target `t`
/// and actual `a`.
fn ind(level: ResultLevel, measure: Measure, b: f64, t: f64, a: Option<f64>) -> Indicator {
    let mut period = Period::new(d(2021), d(2022)).with_target(n(t));
    if let Some(a) = a {
        period = period.with_actual(n(a));
    }
    Indicator::new("i", level, measure)
        .with_baseline(Baseline::new(n(b)))
        .with_period(period)
}

fn sex(category: &str, baseline: Option<f64>, t: f64, a: f64) -> Breakdown {
    let b = Breakdown::new("sex", category)
        .with_target(n(t))
        .with_actual(n(a));
    match baseline {
        Some(x) => b.with_baseline(n(x)),
        None => b,
    }
}

/// Objectives A (overall), B (under A) and C; component X serves B, Y
/// serves nothing.
///
/// | indicator | component | level | b → t, a | progress | weight | source |
/// |---|---|---|---|---|---|---|
/// | i1 | X (B) | output | 0 → 10, 5 | 0.5 | 1 | survey (0.75) |
/// | i2 | X, names A | outcome | 0 → 4, 3 | 0.75 | 1 | oversight report (1) |
/// | i3 | Y | impact | 40 → 60, 45 | 0.25 | 2 | none (0.25) |
/// | i4 | Y | output | 0 → 10, — | no data | 2 | administrative (0.5) |
///
/// i1 and i3 are broken down by sex.
fn worked() -> (Programme, [ObjectiveId; 3]) {
    let a = Objective::new(ObjectiveKind::Accountability, "A");
    let b = Objective::new(ObjectiveKind::Oversight, "B").with_parent(a.id);
    let c = Objective::new(ObjectiveKind::Trust, "C");
    let ids = [a.id, b.id, c.id];
    let mut i1 = ind(ResultLevel::Output, Measure::Unit, 0.0, 10.0, Some(5.0))
        .with_source(DataSource::new(SourceKind::Survey));
    // Women 0 → 5, 2 (0.4); men 0 → 5, 3 (0.6): a count from 0, so the
    // categories start at 0 too.
    i1.periods[0].breakdowns = vec![sex("female", None, 5.0, 2.0), sex("male", None, 5.0, 3.0)];
    let i2 = ind(ResultLevel::Outcome, Measure::Unit, 0.0, 4.0, Some(3.0))
        .with_objective(a.id)
        .with_source(DataSource::new(SourceKind::OversightReport));
    let mut i3 = ind(
        ResultLevel::Impact,
        Measure::Percentage,
        40.0,
        60.0,
        Some(45.0),
    )
    .with_weight(Weight::new(2.0).unwrap());
    // Women 38 → 60, 49 (11/22 = 0.5); men 42 → 60, 51 (9/18 = 0.5).
    i3.periods[0].breakdowns = vec![
        sex("female", Some(38.0), 60.0, 49.0),
        sex("male", Some(42.0), 60.0, 51.0),
    ];
    let i4 = ind(ResultLevel::Output, Measure::Unit, 0.0, 10.0, None)
        .with_weight(Weight::new(2.0).unwrap())
        .with_source(DataSource::new(SourceKind::AdministrativeData));
    let p = Programme::new("p", Country::new("LBR").unwrap())
        .with_objective(a)
        .with_objective(b)
        .with_objective(c)
        .with_component(
            Component::new("X", Pillar::Oversight)
                .with_objective(ids[1])
                .with_indicator(i1)
                .with_indicator(i2),
        )
        .with_component(
            Component::new("Y", Pillar::PoliceReform)
                .with_indicator(i3)
                .with_indicator(i4),
        );
    (p, ids)
}

fn close(x: Option<f64>, y: f64) -> bool {
    x.is_some_and(|x| (x - y).abs() < 1e-12)
}

#[test]
fn progress_by_level_worked_by_hand() {
    let (p, _) = worked();
    let r = Scorer::default().results(&p);
    // Weights: component weight 1 × indicator weight (1, 1, 2, 2).
    // Output: i1 (w 1, 0.5) and i4 (w 2, no data): 0.5, coverage 1/3.
    let output = r.level(ResultLevel::Output).unwrap();
    assert_eq!(output.indicators, 2);
    assert!(close(output.progress, 0.5));
    assert!((output.coverage - 1.0 / 3.0).abs() < 1e-12);
    // Outcome: i2 alone, 0.75; impact: i3 alone, 0.25; both fully covered.
    let outcome = r.level(ResultLevel::Outcome).unwrap();
    assert!(close(outcome.progress, 0.75));
    assert_eq!(outcome.coverage, 1.0);
    let impact = r.level(ResultLevel::Impact).unwrap();
    assert!(close(impact.progress, 0.25));
    // The programme score is today's: X (0.5 + 0.75)/2 = 0.625, Y 0.25,
    // programme (0.625 + 0.25)/2 = 0.4375.
    assert!(close(Scorer::default().programme(&p).score, 0.4375));
}

#[test]
fn progress_per_objective_worked_by_hand() {
    let (p, [a, b, c]) = worked();
    let r = Scorer::default().results(&p);
    // B: i1 through its component (i2 names A instead): 0.5, output.
    let ob = r.objective(b).unwrap();
    assert_eq!(ob.indicators, 1);
    assert!(close(ob.progress, 0.5));
    assert_eq!(ob.level, Some(ResultLevel::Output));
    assert_eq!(ob.reached, Some(ResultLevel::Output));
    // A: i2 directly and i1 through B: (1·0.75 + 1·0.5)/2 = 0.625, up to
    // outcome.
    let oa = r.objective(a).unwrap();
    assert_eq!(oa.indicators, 2);
    assert!(close(oa.progress, 0.625));
    assert_eq!(oa.coverage, 1.0);
    assert_eq!(oa.level, Some(ResultLevel::Outcome));
    // C: nothing measures it: unknown, not 0.
    let oc = r.objective(c).unwrap();
    assert_eq!((oc.indicators, oc.progress, oc.level), (0, None, None));
    assert_eq!(oc.coverage, 0.0);
}

#[test]
fn evidence_grade_worked_by_hand() {
    let (p, _) = worked();
    let r = Scorer::default().results(&p);
    // (1·0.75 + 1·1 + 2·0.25 + 2·0.5)/6 = 3.25/6.
    assert!(close(r.evidence, 3.25 / 6.0));
    // Weighting by grade changes the score: X (0.75·0.5 + 1·0.75)/1.75,
    // Y: i3 alone; programme the mean of the two.
    let mut policy = ScoringPolicy::default();
    policy.results.weight_by_grade = true;
    let score = Scorer::new(policy).unwrap().programme(&p).score;
    let x = (0.75 * 0.5 + 0.75) / 1.75;
    assert!(close(score, f64::midpoint(x, 0.25)));
}

#[test]
fn gender_gap_worked_by_hand() {
    let (p, _) = worked();
    let r = Scorer::default().results(&p);
    let female = |title_index: usize| {
        r.categories
            .iter()
            .filter(|c| c.category == "female")
            .nth(title_index)
            .unwrap()
            .progress
    };
    assert!(close(female(0), 0.4));
    assert!(close(female(1), 0.5));
    // i1: 0.4 − 0.6 = −0.2 (weight 1); i3: 0.5 − 0.5 = 0 (weight 2):
    // (1·−0.2 + 2·0)/3; coverage 3 of 6.
    assert!(close(r.gender_gap, -0.2 / 3.0));
    assert!((r.gender_gap_coverage - 0.5).abs() < 1e-12);
}

#[test]
fn a_category_without_its_own_baseline_off_a_zero_count_is_unknown() {
    // A percentage with no category baseline: nothing to count from.
    let mut i = ind(
        ResultLevel::Outcome,
        Measure::Percentage,
        40.0,
        60.0,
        Some(50.0),
    );
    i.periods[0].breakdowns = vec![sex("female", None, 60.0, 50.0)];
    let p = Programme::new("p", Country::new("LBR").unwrap())
        .with_component(Component::new("c", Pillar::PoliceReform).with_indicator(i));
    let r = Scorer::default().results(&p);
    assert_eq!(r.categories[0].progress, None);
    assert_eq!(
        r.categories[0].gap,
        Some(ssr_model::score::programme::Gap::NoBaseline)
    );
    assert_eq!(r.gender_gap, None);
    assert_eq!(r.gender_gap_coverage, 0.0);
}

#[test]
fn the_scorecard_carries_the_results_in_json_and_rows() {
    let (p, _) = worked();
    let card = Scorer::default().scorecard(&Portfolio::new().with_programme(p));
    let rows = card.rows();
    // A row by its typed key: measure, subject (kind and name), breakdown
    // and category.
    let value = |m: &str, subject: Option<(SubjectKind, &str)>, cat: Option<(&str, &str)>| {
        rows.iter()
            .find(|r| {
                r.measure == m
                    && r.subject.as_ref().map(|s| (s.kind, s.name.as_str())) == subject
                    && r.breakdown.as_deref().zip(r.category.as_deref()) == cat
            })
            .unwrap()
            .value
    };
    assert!(close(
        value("progress", Some((SubjectKind::Level, "outcome")), None),
        0.75
    ));
    assert!(close(
        value("progress", Some((SubjectKind::Objective, "A")), None),
        0.625
    ));
    assert!(close(value("evidence.grade", None, None), 3.25 / 6.0));
    assert!(close(value("gender_gap", None, None), -0.2 / 3.0));
    let female = value(
        "progress",
        Some((SubjectKind::Indicator, "i")),
        Some(("sex", "female")),
    );
    assert!(close(female, 0.4));
    #[cfg(feature = "json")]
    {
        let json = serde_json::to_string(&card).unwrap();
        let back: ssr_model::Scorecard = serde_json::from_str(&json).unwrap();
        assert_eq!(back.programmes[0].results, card.programmes[0].results);
    }
}

// ---------------------------------------------------------------- properties

fn objective_progress(r: &ResultsProfile) -> Vec<(Option<f64>, f64, Option<ResultLevel>)> {
    r.objectives
        .iter()
        .map(|o| (o.progress, o.coverage, o.reached))
        .collect()
}

prop_compose! {
    fn values()(b in -100.0..100.0f64, delta in 1.0..100.0f64, share in -0.5..1.5f64, has in any::<bool>())
        -> (f64, f64, Option<f64>) {
        (b, b + delta, has.then_some(b + share * delta))
    }
}

fn level() -> impl Strategy<Value = ResultLevel> {
    prop_oneof![
        Just(ResultLevel::Output),
        Just(ResultLevel::Outcome),
        Just(ResultLevel::Impact)
    ]
}

proptest! {
    /// Adding an indicator that measures no objective (in a component that
    /// serves none, naming none) never changes any objective's progress.
    #[test]
    fn an_indicator_measuring_no_objective_never_moves_objective_progress(
        inds in prop::collection::vec((values(), level(), 0..3usize, 0.0..10.0f64), 1..8),
        extra in (values(), level(), 0.0..10.0f64),
        in_existing in any::<bool>(),
    ) {
        let objectives: Vec<Objective> = (0..3)
            .map(|k| Objective::new(ObjectiveKind::Other, format!("o{k}")))
            .collect();
        let mut measured = Component::new("measured", Pillar::Oversight);
        let mut unlinked = Component::new("unlinked", Pillar::PoliceReform);
        for (k, ((b, t, a), level, obj, w)) in inds.into_iter().enumerate() {
            let i = ind(level, Measure::Unit, b, t, a).with_weight(Weight::new(w).unwrap());
            // Half name their objective in a component that serves none.
            if k % 2 == 0 {
                measured = measured.with_indicator(i).with_objective(objectives[obj].id);
            } else {
                unlinked = unlinked.with_indicator(i.with_objective(objectives[obj].id));
            }
        }
        let mut p = Programme::new("p", Country::new("LBR").unwrap());
        for o in objectives {
            p = p.with_objective(o);
        }
        let p = p.with_component(measured).with_component(unlinked);
        let before = objective_progress(&Scorer::default().results(&p));
        let ((b, t, a), level, w) = extra;
        let new = ind(level, Measure::Unit, b, t, a).with_weight(Weight::new(w).unwrap());
        let mut q = p.clone();
        if in_existing {
            q.components[1].indicators.push(new);
        } else {
            q.components.push(Component::new("new", Pillar::Ddr).with_indicator(new));
        }
        prop_assert_eq!(before, objective_progress(&Scorer::default().results(&q)));
    }

    /// Listing breakdown categories in another order changes neither the
    /// findings nor any disaggregated measure.
    #[test]
    fn permuting_breakdown_categories_changes_nothing(
        cats in prop::collection::vec((0.0..1000.0f64, 0.0..1000.0f64, 0.0..50.0f64), 2..6),
        total in (0.0..5000.0f64, 0.0..5000.0f64),
        seed in any::<u64>(),
    ) {
        let names = ["female", "male", "other", "not_recorded", "unknown", "x"];
        let mut period = Period::new(d(2021), d(2022))
            .with_target(n(total.0))
            .with_actual(n(total.1));
        for (k, &(t, a, base)) in cats.iter().enumerate() {
            period = period.with_breakdown(
                Breakdown::new("sex", names[k]).with_target(n(t)).with_actual(n(a)).with_baseline(n(base)),
            );
        }
        let build = |period: Period| {
            let i = Indicator::new("i", ResultLevel::Output, Measure::Unit)
                .with_baseline(Baseline::new(n(0.0)))
                .with_period(period);
            Portfolio::new().with_programme(
                Programme::new("p", Country::new("LBR").unwrap())
                    .with_component(Component::new("c", Pillar::PoliceReform).with_indicator(i)),
            )
        };
        let mut shuffled = period.clone();
        // A rotation and a reversal chosen by the seed.
        let len = shuffled.breakdowns.len();
        shuffled.breakdowns.rotate_left((seed as usize) % len);
        if seed % 2 == 0 {
            shuffled.breakdowns.reverse();
        }
        let (one, two) = (build(period), build(shuffled));
        let policy = ValidationPolicy::default();
        let findings = |p: &Portfolio| -> Vec<(Code, String, String)> {
            validate::validate(p, &policy)
                .findings()
                .iter()
                .map(|f| (f.code, f.path.to_string(), f.message.clone()))
                .collect()
        };
        prop_assert_eq!(findings(&one), findings(&two));
        let r1 = Scorer::default().results(&one.programmes[0]);
        let r2 = Scorer::default().results(&two.programmes[0]);
        prop_assert_eq!(r1.gender_gap, r2.gender_gap);
        prop_assert_eq!(r1.gender_gap_coverage, r2.gender_gap_coverage);
        let sorted = |r: &ResultsProfile| {
            let mut v: Vec<_> = r.categories.iter().map(|c| (c.category.clone(), c.progress)).collect();
            v.sort_by(|a, b| a.0.cmp(&b.0));
            v
        };
        prop_assert_eq!(sorted(&r1), sorted(&r2));
    }

    /// Categories that sum exactly to the period's totals never raise
    /// `breakdown_sum`, however many and whatever their size.
    #[test]
    fn a_breakdown_summing_to_the_total_never_raises_breakdown_sum(
        cats in prop::collection::vec((-1e6..1e6f64, -1e6..1e6f64), 2..8),
        percentage in any::<bool>(),
    ) {
        let (t, a): (f64, f64) = cats.iter().fold((0.0, 0.0), |(t, a), c| (t + c.0, a + c.1));
        let mut period = Period::new(d(2021), d(2022)).with_target(n(t)).with_actual(n(a));
        for (k, &(ct, ca)) in cats.iter().enumerate() {
            let b = Breakdown::new("age", format!("band {k}")).with_target(n(ct)).with_actual(n(ca));
            // Percentage points of a percentage measure, declared additive.
            period = period.with_breakdown(if percentage { b.with_additive(true) } else { b });
        }
        let measure = if percentage { Measure::Percentage } else { Measure::Unit };
        let i = Indicator::new("i", ResultLevel::Output, measure)
            .with_baseline(Baseline::new(n(0.0)))
            .with_period(period);
        let p = Portfolio::new().with_programme(
            Programme::new("p", Country::new("LBR").unwrap())
                .with_component(Component::new("c", Pillar::PoliceReform).with_indicator(i)),
        );
        let report = validate::validate(&p, &ValidationPolicy::default());
        prop_assert_eq!(report.of_code(Code::BreakdownSum).count(), 0, "{}", report);
    }
}
