//! Absent is not zero: unknown stakeholder attributes, evidence before
//! ranking, and risk exposure that long registers cannot dilute. Properties
//! run at proptest's default 256 cases (`PROPTEST_CASES` to change).

use crate::common;

use chrono::NaiveDate;
use common::strategies::{arb_challenge, arb_stakeholder_kind, consistent_portfolio};
use proptest::prelude::*;
use proptest::sample::Index;
use ssr_model::model::*;
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::score::compare::{
    Comparison, Dimension, EvidenceKind, Normalisation, NotRanked, PortfolioAggregation,
};
use ssr_model::score::policy::{ExposureMethod, Imputation, RankingPolicy, ScoringPolicy};
use ssr_model::*;
use ssr_model::{Scorecard, Scorer};

// ---- Generators --------------------------------------------------------------

/// Synthetic programmes followed by consistent ones: results, risks,
/// stakeholders (some unassessed) and evaluations in many combinations.
fn portfolio() -> impl Strategy<Value = Portfolio> {
    (
        0usize..8,
        0usize..4,
        0usize..4,
        1usize..4,
        any::<u64>(),
        consistent_portfolio(),
    )
        .prop_map(|(n, c, i, k, seed, consistent)| {
            let mut p = synthetic(
                &Synthetic::new(n)
                    .with_components(c)
                    .with_indicators(i)
                    .with_periods(k)
                    .with_seed(seed),
            );
            p.programmes.extend(consistent.programmes);
            p
        })
}

fn ranking() -> impl Strategy<Value = RankingPolicy> {
    (
        prop_oneof![Just(0.0), Just(0.25), Just(0.5), Just(1.0)],
        0usize..=4,
        prop_oneof![
            Just(Imputation::None),
            Just(Imputation::Mean),
            Just(Imputation::Minimum)
        ],
    )
        .prop_map(|(coverage, dimensions, imputation)| {
            let mut r = RankingPolicy::default();
            r.min_results_coverage = coverage;
            r.min_dimensions = dimensions;
            r.imputation = imputation;
            r
        })
}

fn policy() -> impl Strategy<Value = ScoringPolicy> {
    (
        ranking(),
        prop_oneof![
            Just(Normalisation::MinMax),
            Just(Normalisation::Goalposts),
            Just(Normalisation::PercentileRank),
            Just(Normalisation::DistanceToTarget),
        ],
        prop_oneof![
            Just(PortfolioAggregation::Arithmetic),
            Just(PortfolioAggregation::Geometric),
            Just(PortfolioAggregation::Copeland),
        ],
        prop_oneof![Just(ExposureMethod::Union), Just(ExposureMethod::Maximum)],
    )
        .prop_map(|(ranking, normalisation, method, exposure)| {
            let mut p = ScoringPolicy::default();
            p.ranking = ranking;
            p.comparison.normalisation = normalisation;
            p.comparison.method = method;
            p.risk.exposure = exposure;
            p.uncertainty.replications = 16;
            p
        })
}

/// A programme with nothing measured and nobody assessed: a component
/// whose indicator has a target but no actual, a stakeholder with unknown
/// attributes and no role.
fn without_evidence(name: &str) -> Programme {
    let d = |y| NaiveDate::from_ymd_opt(y, 12, 31).unwrap();
    let indicator = Indicator::new("Cases heard", ResultLevel::Output, Measure::Unit)
        .with_baseline(Baseline::new(Value::number(0.0).unwrap()))
        .with_period(Period::new(d(2020), d(2021)).with_target(Value::number(10.0).unwrap()));
    Programme::new(name, Country::new("LBR").unwrap())
        .with_component(Component::new("Courts", Pillar::JusticeReform).with_indicator(indicator))
        .with_stakeholder(Stakeholder::new(
            "Bar association",
            StakeholderKind::CivilSociety,
        ))
}

// ---- Helpers -----------------------------------------------------------------

/// What the comparison says of one programme: normalised values, composite,
/// rank and reason.
fn standing(c: &Comparison, id: ProgrammeId) -> String {
    let r = c.rows.iter().find(|r| r.programme == id).unwrap();
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?}",
        r.normalised, r.composite, r.rank, r.not_ranked, r.missing, r.imputed
    )
}

fn every_score(card: &Scorecard) -> Vec<String> {
    let mut out: Vec<String> = card
        .programmes
        .iter()
        .map(|p| {
            let s = &p.stakeholders;
            let groups: Vec<_> = s.groups.iter().map(|g| g.presence).collect();
            format!(
                "{:?} {:?} {:?} {:?} {:?}",
                p.progress, p.risk, s.resistance_exposure, s.inclusion, groups
            )
        })
        .collect();
    out.extend(
        card.programmes
            .iter()
            .map(|p| standing(&card.comparison, p.id)),
    );
    out
}

// ---- Properties --------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::default())]

    /// A stakeholder nobody has assessed (no influence, interest, stance or
    /// role) changes no score of any programme: only coverage moves.
    #[test]
    fn an_unassessed_stakeholder_changes_no_score(
        portfolio in portfolio(),
        policy in policy(),
        at in any::<Index>(),
        kind in arb_stakeholder_kind(),
    ) {
        prop_assume!(!portfolio.programmes.is_empty());
        let scorer = Scorer::new(policy).unwrap();
        let before = scorer.scorecard(&portfolio);
        let mut more = portfolio.clone();
        let i = at.index(more.programmes.len());
        more.programmes[i].stakeholders.push(Stakeholder::new("Unassessed", kind));
        let after = scorer.scorecard(&more);
        prop_assert_eq!(every_score(&before), every_score(&after));
        let (b, a) = (&before.programmes[i].stakeholders, &after.programmes[i].stakeholders);
        prop_assert!(a.coverage.assessed <= b.coverage.assessed);
        prop_assert_eq!(a.stakeholders.last().unwrap().quadrant, None);
    }

    /// A programme with no evidence is not ranked and changes no other
    /// programme's normalised values, composite or rank, wherever it goes.
    #[test]
    fn a_programme_without_evidence_changes_no_one_else(
        portfolio in portfolio(),
        policy in policy(),
        at in any::<Index>(),
    ) {
        let scorer = Scorer::new(policy).unwrap();
        let before = scorer.scorecard(&portfolio);
        let mut more = portfolio.clone();
        let empty = without_evidence("No evidence");
        let id = empty.id;
        more.programmes.insert(at.index(more.programmes.len() + 1), empty);
        let after = scorer.scorecard(&more);
        for p in &portfolio.programmes {
            prop_assert_eq!(standing(&before.comparison, p.id), standing(&after.comparison, p.id));
        }
        let row = after.comparison.rows.iter().find(|r| r.programme == id).unwrap();
        prop_assert_eq!(row.rank, None);
        prop_assert!(row.not_ranked.is_some());
        prop_assert_eq!(row.normalised.get(Dimension::Progress), None);
    }

    /// Adding a risk never lowers the programme's exposure, nor any
    /// component's, under either method.
    #[test]
    fn adding_a_risk_never_lowers_exposure(
        portfolio in portfolio(),
        policy in policy(),
        challenge in arb_challenge(),
        at in any::<Index>(),
        component in any::<Index>(),
    ) {
        prop_assume!(!portfolio.programmes.is_empty());
        let scorer = Scorer::new(policy).unwrap();
        let i = at.index(portfolio.programmes.len());
        let programme = &portfolio.programmes[i];
        let mut challenge = challenge;
        if !programme.components.is_empty() {
            let c = &programme.components[component.index(programme.components.len())];
            challenge.affects.push(c.id);
        }
        let before = scorer.risk(programme);
        let after = scorer.risk(&programme.clone().with_challenge(challenge));
        prop_assert!(after.exposure >= before.exposure, "{:?} < {:?}", after.exposure, before.exposure);
        prop_assert!(after.max_residual >= before.max_residual);
        for (a, b) in after.components.iter().zip(&before.components) {
            prop_assert!(a.exposure >= b.exposure, "{}: {:?} < {:?}", a.name, a.exposure, b.exposure);
        }
    }

    /// Removing evidence (an actual, a stakeholder's attribute, a
    /// challenge) never raises any coverage.
    #[test]
    fn removing_evidence_never_raises_coverage(
        portfolio in portfolio(),
        policy in policy(),
        at in any::<Index>(),
        what in 0u8..5,
        pick in any::<Index>(),
    ) {
        prop_assume!(!portfolio.programmes.is_empty());
        let scorer = Scorer::new(policy).unwrap();
        let i = at.index(portfolio.programmes.len());
        let mut less = portfolio.clone();
        let p = &mut less.programmes[i];
        match what {
            0 => {
                let mut periods: Vec<&mut Period> = p
                    .components
                    .iter_mut()
                    .flat_map(|c| c.indicators.iter_mut())
                    .flat_map(|i| i.periods.iter_mut())
                    .filter(|k| k.actual.is_some())
                    .collect();
                prop_assume!(!periods.is_empty());
                let n = periods.len();
                periods[pick.index(n)].actual = None;
            }
            1..=3 => {
                prop_assume!(!p.stakeholders.is_empty());
                let n = p.stakeholders.len();
                let s = &mut p.stakeholders[pick.index(n)];
                match what {
                    1 => s.influence = None,
                    2 => s.interest = None,
                    _ => s.stance = None,
                }
            }
            _ => {
                prop_assume!(!p.challenges.is_empty());
                let n = p.challenges.len();
                p.challenges.remove(pick.index(n));
            }
        }
        let (b, a) = (scorer.card(&portfolio.programmes[i]), scorer.card(&less.programmes[i]));
        prop_assert!(a.progress.coverage <= b.progress.coverage);
        for kind in EvidenceKind::ALL {
            let (eb, ea) = (b.evidence.get(kind), a.evidence.get(kind));
            prop_assert!(ea.coverage <= eb.coverage, "{}: {} > {}", kind, ea.coverage, eb.coverage);
            prop_assert!(!ea.present || eb.present, "{} appeared", kind);
        }
        let (sb, sa) = (b.stakeholders.coverage, a.stakeholders.coverage);
        for (x, y) in [
            (sa.grid, sb.grid),
            (sa.salience, sb.salience),
            (sa.resistance, sb.resistance),
            (sa.inclusion, sb.inclusion),
            (sa.assessed, sb.assessed),
        ] {
            prop_assert!(x <= y, "{:?} against {:?}", sa, sb);
        }
        let (cb, ca) = (scorer.scorecard(&portfolio), scorer.scorecard(&less));
        prop_assert!(ca.comparison.rows[i].coverage <= cb.comparison.rows[i].coverage);
    }

    /// The Monte Carlo runs over the ranked programmes only: no unranked
    /// programme appears in its statistics, and every ranked one does.
    #[test]
    fn unranked_programmes_stay_out_of_the_monte_carlo(
        portfolio in portfolio(),
        policy in policy(),
        empties in 0usize..3,
    ) {
        let mut portfolio = portfolio;
        for k in 0..empties {
            portfolio.programmes.push(without_evidence(&format!("Empty {k}")));
        }
        let scorer = Scorer::new(policy).unwrap();
        let card = scorer.scorecard(&portfolio);
        let mc = scorer.rank_uncertainty(&card);
        for row in &card.comparison.rows {
            match row.not_ranked {
                Some(_) => {
                    prop_assert_eq!(row.rank, None);
                    prop_assert!(mc.get(row.programme).is_none(), "{} in the Monte Carlo", row.name);
                }
                None => {
                    prop_assert!(row.rank.is_some());
                    prop_assert_eq!(mc.get(row.programme).map(|s| s.nominal), row.rank);
                }
            }
        }
        let ranked = card.comparison.rows.iter().filter(|r| r.rank.is_some()).count();
        prop_assert_eq!(mc.programmes.len(), ranked);
        for s in &mc.programmes {
            prop_assert!(1.0 <= s.p05 && s.p95 <= ranked as f64);
        }
    }
}

// ---- Examples ----------------------------------------------------------------

/// The sample still ranks all seven programmes: each has evidence.
#[test]
fn the_sample_ranks_all_seven() {
    let card = Scorer::default().scorecard(&samples::portfolio());
    assert_eq!(card.comparison.rows.len(), 7);
    for row in &card.comparison.rows {
        assert!(
            row.rank.is_some(),
            "{} not ranked: {:?}",
            row.name,
            row.not_ranked
        );
    }
    assert_eq!(card.comparison.unranked().count(), 0);
}

/// The case that motivated evidence before ranking: programmes whose only
/// evidence is the same on every dimension got composite 50 and rank 1 each. Under a policy that lets
/// them through the thresholds, the output now says no ranking is possible.
#[test]
fn identical_evidence_gives_no_ranking() {
    let with_roles = |name: &str| {
        Programme::new(name, Country::new("MLI").unwrap()).with_stakeholder(
            Stakeholder::new("Implementer", StakeholderKind::CivilSociety)
                .with_role(Role::Implementing),
        )
    };
    let portfolio = Portfolio::new()
        .with_programme(with_roles("A"))
        .with_programme(with_roles("B"))
        .with_programme(with_roles("C"));
    // The default policy refuses them for want of results.
    let card = Scorer::default().scorecard(&portfolio);
    assert!(
        card.comparison
            .rows
            .iter()
            .all(|r| r.not_ranked == Some(NotRanked::InsufficientResults))
    );
    // A policy with no thresholds lets them through; nothing tells them apart.
    let mut policy = ScoringPolicy::default();
    policy.ranking.min_results_coverage = 0.0;
    policy.ranking.min_dimensions = 0;
    let scorer = Scorer::new(policy).unwrap();
    let card = scorer.scorecard(&portfolio);
    assert!(card.comparison.no_ranking_possible());
    for row in &card.comparison.rows {
        assert_eq!(
            (row.rank, row.not_ranked),
            (None, Some(NotRanked::IdenticalEvidence))
        );
        // Inclusion is known (an implementing role), risk and the rest are not.
        assert_eq!(row.raw.inclusion, Some(0.25));
    }
    assert!(scorer.rank_uncertainty(&card).programmes.is_empty());
}

/// Results alone are not enough by default: results plus one more kind.
#[test]
fn results_alone_are_too_few_dimensions() {
    let d = |y| NaiveDate::from_ymd_opt(y, 12, 31).unwrap();
    let measured = |name: &str, actual: f64| {
        let indicator = Indicator::new("Cases heard", ResultLevel::Output, Measure::Unit)
            .with_baseline(Baseline::new(Value::number(0.0).unwrap()))
            .with_period(
                Period::new(d(2020), d(2021))
                    .with_target(Value::number(10.0).unwrap())
                    .with_actual(Value::number(actual).unwrap()),
            );
        Programme::new(name, Country::new("LBR").unwrap()).with_component(
            Component::new("Courts", Pillar::JusticeReform).with_indicator(indicator),
        )
    };
    let risky = measured("With a register", 4.0).with_challenge(
        Challenge::new(ChallengeKind::Corruption, "Bribery")
            .with_likelihood(Level::new(2).unwrap())
            .with_impact(Level::new(3).unwrap()),
    );
    let portfolio = Portfolio::new()
        .with_programme(measured("Results only", 8.0))
        .with_programme(risky)
        .with_programme(
            measured("Also with a register", 6.0).with_challenge(
                Challenge::new(ChallengeKind::Corruption, "Bribery")
                    .with_likelihood(Level::new(1).unwrap())
                    .with_impact(Level::new(1).unwrap()),
            ),
        );
    let card = Scorer::default().scorecard(&portfolio);
    let rows = &card.comparison.rows;
    assert_eq!(rows[0].not_ranked, Some(NotRanked::TooFewDimensions));
    assert_eq!((rows[1].rank, rows[2].rank), (Some(2), Some(1)));
    // Both ranked programmes lack evaluation, resistance and inclusion: the
    // composite is over progress and risk, and the row says so.
    assert_eq!(
        rows[1].missing,
        [
            Dimension::Evaluation,
            Dimension::Resistance,
            Dimension::Inclusion
        ]
    );
    assert!(rows[1].imputed.is_empty());
    // Min-max over the two ranked only (the first takes no part): progress
    // 0.4 → 0 and 0.6 → 100; risk 6/25 → 0 and 1/25 → 100 (lower is better).
    assert_eq!(rows[1].normalised.get(Dimension::Progress), Some(0.0));
    assert_eq!(rows[2].normalised.get(Dimension::Risk), Some(100.0));
    assert_eq!(
        (rows[1].composite, rows[2].composite),
        (Some(0.0), Some(100.0))
    );
    assert_eq!(rows[0].normalised.get(Dimension::Progress), None);
}

/// An explicit imputation fills the missing dimensions and says so.
#[test]
fn imputation_is_a_recorded_choice() {
    let portfolio = samples::portfolio();
    let mut policy = ScoringPolicy::default();
    policy.ranking.imputation = Imputation::Minimum;
    let card = Scorer::new(policy).unwrap().scorecard(&portfolio);
    assert_eq!(card.comparison.imputation, Imputation::Minimum);
    let sierra = &card.comparison.rows[1];
    // Sierra Leone's register has no counted risk: its risk is missing.
    assert_eq!(sierra.raw.risk, None);
    assert_eq!(sierra.imputed, [Dimension::Risk]);
    // The minimum of the others' normalised risk (min-max: 0).
    assert_eq!(sierra.normalised.get(Dimension::Risk), Some(0.0));
    let default = Scorer::default().scorecard(&portfolio);
    assert_eq!(default.comparison.rows[1].missing, [Dimension::Risk]);
    assert!(default.comparison.rows[1].imputed.is_empty());
    assert_eq!(
        default.comparison.rows[1].normalised.get(Dimension::Risk),
        None
    );
}

/// Imported organisations carry no influence, interest or stance, and the
/// lint says so at advice level.
#[cfg(feature = "iati")]
#[test]
fn the_importer_invents_no_stakeholder_attributes() {
    use ssr_model::diagnostics::{Code, Severity, ValidationPolicy};
    use ssr_model::interop::iati;
    use ssr_model::validate;
    let xml = r#"<iati-activities version="2.03"><iati-activity>
        <iati-identifier>XM-TEST-1</iati-identifier>
        <reporting-org ref="XM-TEST" type="10"><narrative>Test donor</narrative></reporting-org>
        <title><narrative>Police reform</narrative></title>
        <participating-org ref="XM-TEST" role="1" type="10"><narrative>Test donor</narrative></participating-org>
        <participating-org role="4" type="22"><narrative>Local NGO</narrative></participating-org>
        <activity-status code="2"/>
        <recipient-country code="LR"/>
        <sector vocabulary="1" code="15210"/>
    </iati-activity></iati-activities>"#;
    let portfolio = iati::import(xml.as_bytes()).unwrap().portfolio;
    let p = &portfolio.programmes[0];
    assert!(!p.stakeholders.is_empty());
    for s in &p.stakeholders {
        assert_eq!(
            (s.influence, s.interest, s.stance),
            (None, None, None),
            "{}",
            s.name
        );
    }
    let report = validate::validate(&portfolio, &ValidationPolicy::default());
    let lints: Vec<_> = report
        .findings()
        .iter()
        .filter(|f| f.code == Code::UnassessedStakeholder)
        .collect();
    assert_eq!(lints.len(), p.stakeholders.len());
    assert!(lints.iter().all(|f| f.severity == Severity::Advice));
    // The stakeholder analysis assesses nobody on the grid, and the
    // implementing NGO counts for inclusion through its role.
    let s = Scorer::default().stakeholders(p);
    assert_eq!(s.coverage.grid, 0.0);
    assert_eq!(s.resistance_exposure, None);
    assert!(
        s.stakeholders
            .iter()
            .all(|x| x.quadrant.is_none() && x.salience.is_none())
    );
}
