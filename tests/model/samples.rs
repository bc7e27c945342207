//! The embedded sample portfolio: it builds, round-trips, is complete and
//! internally consistent, and carries exactly the weaknesses its docs list.
//!
//! The consistency checks below restate the error-level rules of the
//! validation catalogue independently (dates in order, periods inside the
//! programme, baselines first, shares summing to 100, unique ids, resolving
//! references, no future actuals, no empty names, no withdrawn DAC codes,
//! directions agreeing with baseline → target, no overlapping periods).

#![cfg(feature = "json")]

use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDate;
use ssr_model::model::{
    Amount, DacCriterion, Direction, GenderMarker, Measure, Pillar, ProgrammeId, Role,
    StakeholderKind, Stance,
};
use ssr_model::samples::{portfolio, try_portfolio};
use ssr_model::{Indicator, Portfolio, Programme, Stakeholder, Value, document};

const COUNTRIES: [&str; 7] = ["LBR", "SLE", "BIH", "TUN", "COL", "MLI", "ZAF"];

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn sample() -> Portfolio {
    try_portfolio().expect("every sample programme builds")
}

fn by_country<'a>(p: &'a Portfolio, code: &str) -> &'a Programme {
    p.programmes
        .iter()
        .find(|x| x.single_country().is_some_and(|c| c.as_str() == code))
        .unwrap_or_else(|| panic!("no programme in {code}"))
}

/// Countries of the programmes for which `pred` holds, sorted.
fn countries_where(p: &Portfolio, pred: impl Fn(&Programme) -> bool) -> Vec<String> {
    let mut v: Vec<String> = p
        .programmes
        .iter()
        .filter(|x| pred(x))
        .filter_map(|x| x.single_country().map(|c| c.to_string()))
        .collect();
    v.sort_unstable();
    v
}

// ---------------------------------------------------------------- loading

#[test]
fn try_portfolio_builds_all_seven_and_portfolio_agrees() {
    let p = sample();
    assert_eq!(p.programmes.len(), 7);
    assert_eq!(portfolio(), p);
    assert!(p.name.as_deref().is_some_and(|n| !n.is_empty()));
}

#[test]
fn all_seven_case_study_countries_are_present() {
    let p = sample();
    let found: BTreeSet<String> = p
        .programmes
        .iter()
        .filter_map(|x| x.single_country().map(|c| c.to_string()))
        .collect();
    let expected: BTreeSet<String> = COUNTRIES.into_iter().map(String::from).collect();
    assert_eq!(found, expected);
}

#[test]
fn round_trips_through_the_document_format_losslessly() {
    let p = sample();
    let compact = document::to_string(&p).unwrap();
    let pretty = document::to_string_pretty(&p).unwrap();
    let from_compact = document::from_str(&compact).unwrap();
    let from_pretty = document::from_slice(pretty.as_bytes()).unwrap();
    assert_eq!(from_compact, p);
    assert_eq!(from_pretty, p);
    // And the text is a fixed point: writing what was read gives the same text.
    assert_eq!(document::to_string(&from_compact).unwrap(), compact);
}

#[test]
fn every_description_says_the_figures_are_illustrative() {
    for p in &sample().programmes {
        let text = p.description.as_deref().unwrap_or_default().to_lowercase();
        assert!(text.contains("illustrative"), "{}", p.name);
        assert!(text.contains("must not be cited"), "{}", p.name);
    }
}

// ---------------------------------------------------------------- ids

#[test]
fn ids_are_stable_across_calls_and_derived_from_external_ids() {
    let a = sample();
    let b = portfolio();
    assert_eq!(a, b);
    let ids = |p: &Portfolio| -> Vec<String> {
        let mut out = Vec::new();
        for x in &p.programmes {
            out.push(x.id.to_string());
            out.extend(x.stakeholders.iter().map(|s| s.id.to_string()));
            out.extend(x.objectives.iter().map(|o| o.id.to_string()));
            out.extend(x.components.iter().map(|c| c.id.to_string()));
            out.extend(x.indicators().map(|i| i.id.to_string()));
            out.extend(x.challenges.iter().map(|c| c.id.to_string()));
            out.extend(x.evaluations.iter().map(|e| e.id.to_string()));
        }
        out
    };
    assert_eq!(ids(&a), ids(&b));
    for x in &a.programmes {
        let external = x
            .external_id
            .as_deref()
            .expect("sample programmes carry an external id");
        assert!(external.starts_with("sample/"), "{external}");
        assert_eq!(x.id, ProgrammeId::from_external(external));
        // Name-based (v5) ids everywhere: nothing random.
        let versions = std::iter::once(x.id.as_uuid().get_version_num())
            .chain(
                x.stakeholders
                    .iter()
                    .map(|s| s.id.as_uuid().get_version_num()),
            )
            .chain(
                x.objectives
                    .iter()
                    .map(|o| o.id.as_uuid().get_version_num()),
            )
            .chain(
                x.components
                    .iter()
                    .map(|c| c.id.as_uuid().get_version_num()),
            )
            .chain(x.indicators().map(|i| i.id.as_uuid().get_version_num()))
            .chain(
                x.challenges
                    .iter()
                    .map(|c| c.id.as_uuid().get_version_num()),
            )
            .chain(
                x.evaluations
                    .iter()
                    .map(|e| e.id.as_uuid().get_version_num()),
            );
        for v in versions {
            assert_eq!(v, 5, "{}", x.name);
        }
    }
}

#[test]
fn ids_are_unique_within_each_kind_across_the_portfolio() {
    fn unique<T: std::hash::Hash + Eq + std::fmt::Debug>(what: &str, items: Vec<T>) {
        let n = items.len();
        let set: HashSet<T> = items.into_iter().collect();
        assert_eq!(set.len(), n, "duplicate {what} id");
    }
    let p = sample();
    let all = &p.programmes;
    unique("programme", all.iter().map(|x| x.id).collect());
    unique(
        "stakeholder",
        all.iter()
            .flat_map(|x| x.stakeholders.iter().map(|s| s.id))
            .collect(),
    );
    unique(
        "objective",
        all.iter()
            .flat_map(|x| x.objectives.iter().map(|o| o.id))
            .collect(),
    );
    unique(
        "component",
        all.iter()
            .flat_map(|x| x.components.iter().map(|c| c.id))
            .collect(),
    );
    unique(
        "indicator",
        all.iter()
            .flat_map(|x| x.indicators().map(|i| i.id))
            .collect(),
    );
    unique(
        "challenge",
        all.iter()
            .flat_map(|x| x.challenges.iter().map(|c| c.id))
            .collect(),
    );
    unique(
        "evaluation",
        all.iter()
            .flat_map(|x| x.evaluations.iter().map(|e| e.id))
            .collect(),
    );
}

#[test]
fn every_reference_resolves_within_its_programme() {
    for p in &sample().programmes {
        let stakeholders: HashSet<_> = p.stakeholders.iter().map(|s| s.id).collect();
        let objectives: HashSet<_> = p.objectives.iter().map(|o| o.id).collect();
        let components: HashSet<_> = p.components.iter().map(|c| c.id).collect();
        for f in &p.funding {
            assert!(
                stakeholders.contains(&f.source),
                "{}: funding source",
                p.name
            );
        }
        for c in &p.components {
            assert!(
                c.lead.is_some_and(|l| stakeholders.contains(&l)),
                "{}: lead of {}",
                p.name,
                c.name
            );
            for o in &c.objectives {
                assert!(
                    objectives.contains(o),
                    "{}: objective of {}",
                    p.name,
                    c.name
                );
            }
        }
        for ch in &p.challenges {
            for a in &ch.affects {
                assert!(components.contains(a), "{}: {}", p.name, ch.description);
            }
            for s in &ch.stakeholders {
                assert!(stakeholders.contains(s), "{}: {}", p.name, ch.description);
            }
            for m in &ch.mitigations {
                assert!(
                    m.owner.is_some_and(|o| stakeholders.contains(&o)),
                    "{}: {}",
                    p.name,
                    m.action
                );
            }
        }
        // Every objective is served by some component.
        for o in &p.objectives {
            assert!(
                p.components.iter().any(|c| c.objectives.contains(&o.id)),
                "{}: objective {:?} serves no component",
                p.name,
                o.statement
            );
        }
    }
}

// ---------------------------------------------------------------- completeness

fn is_international(s: &Stakeholder) -> bool {
    matches!(
        s.kind,
        StakeholderKind::InternationalOrganisation
            | StakeholderKind::BilateralDonor
            | StakeholderKind::InternationalNgo
    )
}

#[test]
fn every_programme_has_objectives_dates_money_and_sectors() {
    for p in &sample().programmes {
        assert!(p.objectives.len() >= 3, "{}", p.name);
        let kinds: HashSet<_> = p.objectives.iter().map(|o| o.kind).collect();
        assert_eq!(
            kinds.len(),
            p.objectives.len(),
            "{}: repeated objective kinds",
            p.name
        );
        assert!(
            p.planned_start.is_some() && p.planned_end.is_some(),
            "{}",
            p.name
        );
        assert!(p.actual_start.is_some(), "{}", p.name);
        assert!(p.budget.is_some(), "{}", p.name);
        assert!(!p.funding.is_empty(), "{}", p.name);
        assert!(p.sectors.len() >= 3, "{}", p.name);
        for f in &p.funding {
            let funder = p.stakeholder(f.source).unwrap();
            assert!(
                funder.has_role(Role::Funding),
                "{}: {} funds without the role",
                p.name,
                funder.name
            );
        }
    }
}

#[test]
fn every_programme_has_a_varied_set_of_stakeholders() {
    for p in &sample().programmes {
        let s = &p.stakeholders;
        assert!(s.len() >= 8, "{}", p.name);
        let kinds: HashSet<_> = s.iter().map(|x| x.kind).collect();
        assert!(kinds.len() >= 6, "{}: {} kinds", p.name, kinds.len());
        let stances: HashSet<_> = s.iter().map(|x| x.stance).collect();
        assert!(stances.len() >= 3, "{}", p.name);
        assert!(
            s.iter().any(|x| x.stance == Some(Stance::Champion)),
            "{}: no champion",
            p.name
        );
        assert!(
            s.iter().any(|x| x.is_opposed()),
            "{}: no opposed stakeholder",
            p.name
        );
        assert!(
            s.iter().any(|x| x.kind.is_civil_society()),
            "{}: no civil society",
            p.name
        );
        assert!(
            s.iter().any(|x| x.kind.is_oversight()),
            "{}: no oversight body",
            p.name
        );
        assert!(
            s.iter().any(is_international),
            "{}: no international partner",
            p.name
        );
        assert!(
            s.iter().any(|x| x.kind.is_national()
                && (x.has_role(Role::Accountable) || x.has_role(Role::Implementing))),
            "{}: no national accountable or implementing actor",
            p.name
        );
        assert!(s.iter().all(|x| !x.name.trim().is_empty()), "{}", p.name);
    }
}

#[test]
fn every_programme_has_weighted_led_components_with_indicators() {
    for p in &sample().programmes {
        let c = &p.components;
        assert!(c.len() >= 3, "{}", p.name);
        let weights: BTreeSet<u64> = c.iter().map(|x| x.weight.get().to_bits()).collect();
        assert!(
            weights.len() >= 2,
            "{}: all components weigh the same",
            p.name
        );
        assert!(c.iter().all(|x| x.weight.get() > 0.0), "{}", p.name);
        let pillars: HashSet<Pillar> = c.iter().map(|x| x.pillar).collect();
        assert_eq!(pillars.len(), c.len(), "{}: repeated pillar", p.name);
        assert!(
            c.iter().any(|x| x.pillar.is_oversight()),
            "{}: no oversight or justice component",
            p.name
        );
        for x in c {
            assert!(!x.objectives.is_empty(), "{}: {}", p.name, x.name);
            assert!(x.lead.is_some(), "{}: {}", p.name, x.name);
            assert!(!x.indicators.is_empty(), "{}: {}", p.name, x.name);
        }
    }
}

#[test]
fn every_challenge_has_a_rating_an_owned_mitigation_components_and_stakeholders() {
    for p in &sample().programmes {
        assert!(p.challenges.len() >= 4, "{}", p.name);
        let kinds: HashSet<_> = p.challenges.iter().map(|c| c.kind).collect();
        assert!(kinds.len() >= 4, "{}", p.name);
        for c in &p.challenges {
            let risk = c.likelihood.get() * c.impact.get();
            assert!((1..=25).contains(&risk));
            assert!(!c.description.trim().is_empty());
            assert!(!c.mitigations.is_empty(), "{}: {}", p.name, c.description);
            assert!(!c.affects.is_empty(), "{}: {}", p.name, c.description);
            assert!(!c.stakeholders.is_empty(), "{}: {}", p.name, c.description);
            for m in &c.mitigations {
                assert!(m.owner.is_some());
                assert!(m.effectiveness.get() > 0.0 && m.effectiveness.get() < 1.0);
                assert!(!m.action.trim().is_empty());
            }
        }
        // Risks of different sizes, so a risk register ranks something.
        let risks: HashSet<u8> = p
            .challenges
            .iter()
            .map(|c| c.likelihood.get() * c.impact.get())
            .collect();
        assert!(risks.len() >= 2, "{}", p.name);
    }
}

#[test]
fn every_indicator_has_a_dated_baseline_a_source_and_three_dated_periods() {
    for p in &sample().programmes {
        assert!(p.indicators().count() >= 5, "{}", p.name);
        for i in p.indicators() {
            let b = i
                .baseline
                .as_ref()
                .unwrap_or_else(|| panic!("{}: {}", p.name, i.title));
            assert!(
                b.value.is_some() && b.date.is_some(),
                "{}: {}",
                p.name,
                i.title
            );
            assert!(
                i.source.as_ref().is_some_and(|s| s.description.is_some()),
                "{}",
                i.title
            );
            assert!(i.direction.is_some(), "{}", i.title);
            assert!(i.periods.len() >= 3, "{}: {}", p.name, i.title);
            assert!(i.periods.iter().all(|x| x.target.is_some()), "{}", i.title);
            assert!(!i.title.trim().is_empty());
            if i.measure.is_quantitative() {
                assert!(i.unit.is_some(), "{}: quantitative without a unit", i.title);
            }
        }
    }
}

#[test]
fn every_programme_has_an_evaluation_on_all_six_dac_criteria() {
    for p in &sample().programmes {
        assert!(!p.evaluations.is_empty(), "{}", p.name);
        for e in &p.evaluations {
            assert!(!e.evaluator.trim().is_empty());
            assert!(e.summary.is_some());
            assert!(e.scale().len() >= 4, "{}: scale too coarse", p.name);
            for criterion in DacCriterion::ALL {
                let label = e
                    .rating(criterion)
                    .unwrap_or_else(|| panic!("{}: {criterion}", p.name));
                assert!(e.scale().position(label).is_some());
            }
            // Ratings differ across criteria: an evaluation that says the
            // same of everything teaches nothing.
            let distinct: HashSet<&str> = e.ratings().iter().map(|r| r.rating.as_str()).collect();
            assert!(distinct.len() >= 2, "{}", p.name);
        }
    }
}

#[test]
fn the_portfolio_shows_every_kind_of_metric() {
    let p = sample();
    let all: Vec<&Indicator> = p.programmes.iter().flat_map(|x| x.indicators()).collect();
    let decreasing = all
        .iter()
        .filter(|i| i.direction == Some(Direction::Decrease))
        .count();
    assert!(decreasing >= 5, "lower-is-better indicators: {decreasing}");
    let scaled: Vec<&&Indicator> = all
        .iter()
        .filter(|i| matches!(i.measure, Measure::Ordinal | Measure::Qualitative))
        .collect();
    assert!(
        scaled.len() >= 5,
        "ordinal/qualitative indicators: {}",
        scaled.len()
    );
    assert!(scaled.iter().any(|i| i.measure == Measure::Qualitative));
    for i in &scaled {
        let scale = i
            .scale
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no scale", i.title));
        let labels = i.baseline.iter().filter_map(|b| b.value.as_ref()).chain(
            i.periods
                .iter()
                .flat_map(|x| x.target.iter().chain(x.actual.iter())),
        );
        for v in labels {
            let label = v
                .as_label()
                .unwrap_or_else(|| panic!("{}: number on a scale", i.title));
            assert!(
                scale.position(label).is_some(),
                "{}: {label:?} off scale",
                i.title
            );
        }
    }
    let missing = all
        .iter()
        .flat_map(|i| i.periods.iter())
        .filter(|x| x.actual.is_none())
        .count();
    assert!(missing >= 3, "periods with a missing actual: {missing}");
    let disaggregated = all
        .iter()
        .filter(|i| {
            i.periods
                .iter()
                .any(|x| x.breakdowns.iter().any(|b| b.dimension == "sex"))
        })
        .count();
    assert!(disaggregated >= 3);
    for i in all.iter().filter(|i| i.measure.is_quantitative()) {
        let values = i.baseline.iter().filter_map(|b| b.value.as_ref()).chain(
            i.periods
                .iter()
                .flat_map(|x| x.target.iter().chain(x.actual.iter())),
        );
        for v in values {
            let x = v
                .as_number()
                .unwrap_or_else(|| panic!("{}: label on a number", i.title));
            assert!(x >= 0.0);
            if i.measure == Measure::Percentage {
                assert!(x <= 100.0, "{}: {x}%", i.title);
            }
        }
    }
}

// ---------------------------------------------------------------- consistency

fn rank(i: &Indicator, v: &Value) -> f64 {
    match (v.as_number(), v.as_label(), i.scale.as_ref()) {
        (Some(x), _, _) => x,
        (None, Some(l), Some(scale)) => scale.position(l).unwrap() as f64,
        _ => panic!("{}: unrankable value {v}", i.title),
    }
}

#[test]
fn dates_are_in_order_and_periods_lie_inside_their_programme() {
    let as_of = d(2026, 1, 1);
    for p in &sample().programmes {
        let (ps, pe) = (p.planned_start.unwrap(), p.planned_end.unwrap());
        assert!(ps < pe, "{}", p.name);
        let start = p.start().unwrap();
        let end = p.end().unwrap();
        assert!(start < end, "{}", p.name);
        assert!(start >= ps, "{}: starts before it was planned", p.name);
        if let (Some(s), Some(e)) = (p.actual_start, p.actual_end) {
            assert!(s < e, "{}", p.name);
        }
        for e in &p.evaluations {
            assert!(
                start <= e.date && e.date <= end && e.date < as_of,
                "{}",
                p.name
            );
        }
        for i in p.indicators() {
            let baseline = i.baseline.as_ref().and_then(|b| b.date).unwrap();
            assert!(
                baseline >= start,
                "{}: baseline before the programme",
                i.title
            );
            let mut previous_end: Option<NaiveDate> = None;
            for x in &i.periods {
                assert!(x.start < x.end, "{}", i.title);
                assert!(baseline < x.start, "{}: baseline after a period", i.title);
                assert!(
                    start <= x.start && x.end <= end,
                    "{}: period outside {}",
                    i.title,
                    p.name
                );
                assert!(x.end <= pe.max(end), "{}", i.title);
                if let Some(prev) = previous_end {
                    assert!(
                        prev < x.start,
                        "{}: periods overlap or are unsorted",
                        i.title
                    );
                }
                previous_end = Some(x.end);
                if x.actual.is_some() {
                    assert!(x.end < as_of, "{}: actual dated {}", i.title, x.end);
                }
            }
        }
    }
}

#[test]
fn shares_sum_to_100_and_funding_adds_up_to_the_budget() {
    for p in &sample().programmes {
        let sectors: f64 = p.sectors.iter().map(|s| s.percentage.unwrap().get()).sum();
        assert!(
            (sectors - 100.0).abs() < 1e-9,
            "{}: sectors sum to {sectors}",
            p.name
        );
        let shares: f64 = p.funding.iter().map(|f| f.share.unwrap().get()).sum();
        assert!(
            (shares - 100.0).abs() < 1e-9,
            "{}: funding shares sum to {shares}",
            p.name
        );
        let budget = p.budget.unwrap();
        let total = p
            .funding
            .iter()
            .try_fold(Amount::ZERO, |acc, f| acc.checked_add(f.amount.amount))
            .unwrap();
        assert_eq!(total, budget.amount, "{}", p.name);
        for f in &p.funding {
            assert_eq!(f.amount.currency, budget.currency, "{}", p.name);
            // Each stated share matches its amount.
            let share = 100.0 * f.amount.amount.to_f64() / budget.amount.to_f64();
            assert!((share - f.share.unwrap().get()).abs() < 1e-6, "{}", p.name);
        }
        let codes: HashSet<u32> = p
            .sectors
            .iter()
            .map(|s| s.dac_code().unwrap().get())
            .collect();
        assert_eq!(codes.len(), p.sectors.len(), "{}: repeated sector", p.name);
    }
}

#[test]
fn no_withdrawn_or_non_security_dac_codes() {
    let withdrawn = [15120, 15140, 15161, 15162, 15163, 15164];
    for p in &sample().programmes {
        for s in &p.sectors {
            let code = s.dac_code().unwrap();
            assert!(!withdrawn.contains(&code.get()), "{}: {code}", p.name);
            assert!(code.has_prefix("151") || code.has_prefix("152"), "{code}");
        }
    }
}

#[test]
fn no_names_are_empty() {
    let p = sample();
    for x in &p.programmes {
        assert!(!x.name.trim().is_empty());
        assert!(x.objectives.iter().all(|o| !o.statement.trim().is_empty()));
        assert!(x.components.iter().all(|c| !c.name.trim().is_empty()));
    }
}

#[test]
fn directions_agree_with_baseline_to_target() {
    for p in &sample().programmes {
        for i in p.indicators() {
            let b = rank(i, i.baseline.as_ref().unwrap().value.as_ref().unwrap());
            for x in &i.periods {
                let t = rank(i, x.target.as_ref().unwrap());
                match i.direction.unwrap() {
                    Direction::Increase => {
                        assert!(t > b, "{}: target {t} vs baseline {b}", i.title)
                    }
                    Direction::Decrease => {
                        assert!(t < b, "{}: target {t} vs baseline {b}", i.title)
                    }
                    _ => panic!("unexpected direction"),
                }
            }
        }
    }
}

#[test]
fn counts_broken_down_by_sex_do_not_exceed_their_totals() {
    for p in &sample().programmes {
        for i in p.indicators().filter(|i| i.measure == Measure::Unit) {
            for x in &i.periods {
                for b in &x.breakdowns {
                    let pairs = [(&b.target, &x.target), (&b.actual, &x.actual)];
                    for (part, whole) in pairs {
                        if let (Some(part), Some(whole)) = (part, whole) {
                            assert!(rank(i, part) <= rank(i, whole), "{}", i.title);
                        }
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------- documented weaknesses

fn distinct_funders(p: &Programme) -> usize {
    p.funding
        .iter()
        .map(|f| f.source)
        .collect::<HashSet<_>>()
        .len()
}

fn has_gender_dimension(p: &Programme) -> bool {
    p.gender_marker
        .is_some_and(|m| m > GenderMarker::NotTargeted)
        || p.components
            .iter()
            .any(|c| c.pillar == Pillar::HumanRightsAndGender)
        || p.stakeholders
            .iter()
            .any(|s| s.kind == StakeholderKind::WomensOrganisation)
        || p.indicators().any(|i| {
            i.periods
                .iter()
                .any(|x| x.breakdowns.iter().any(|b| b.dimension == "sex"))
        })
}

/// Opposed stakeholders of influence 4 or more that no challenge with a
/// mitigation names.
fn unaddressed_resistance(p: &Programme) -> Vec<&str> {
    p.stakeholders
        .iter()
        .filter(|s| s.is_opposed() && s.influence.is_some_and(|i| i.get() >= 4))
        .filter(|s| {
            !p.challenges
                .iter()
                .any(|c| !c.mitigations.is_empty() && c.stakeholders.contains(&s.id))
        })
        .map(|s| s.name.as_str())
        .collect()
}

fn latest_actual(i: &Indicator) -> Option<NaiveDate> {
    i.periods
        .iter()
        .filter(|x| x.actual.is_some())
        .map(|x| x.end)
        .max()
}

#[test]
fn only_south_africa_has_a_single_funder() {
    let p = sample();
    assert_eq!(countries_where(&p, |x| distinct_funders(x) == 1), ["ZAF"]);
    let za = by_country(&p, "ZAF");
    let funder = za.stakeholder(za.funding[0].source).unwrap();
    assert!(funder.kind.is_national(), "South Africa funds itself");
    assert!(
        za.stakeholders.iter().any(is_international),
        "partners advise without funding"
    );
}

#[test]
fn only_bosnia_has_no_gender_dimension() {
    let p = sample();
    assert_eq!(countries_where(&p, |x| !has_gender_dimension(x)), ["BIH"]);
    let bih = by_country(&p, "BIH");
    assert!(bih.gender_marker.is_none());
    assert!(
        !bih.sectors
            .iter()
            .any(|s| matches!(s.dac_code().map(|c| c.get()), Some(15170 | 15180)))
    );
}

#[test]
fn only_colombia_measures_everything_quantitatively() {
    let p = sample();
    assert_eq!(
        countries_where(&p, |x| x.indicators().all(|i| i.measure.is_quantitative())),
        ["COL"]
    );
}

#[test]
fn only_tunisia_leaves_high_influence_resistance_unaddressed() {
    let p = sample();
    assert_eq!(
        countries_where(&p, |x| !unaddressed_resistance(x).is_empty()),
        ["TUN"]
    );
    let tun = by_country(&p, "TUN");
    assert_eq!(unaddressed_resistance(tun).len(), 1);
    // Every opposed stakeholder elsewhere, whatever its influence, is named
    // by a mitigated challenge.
    for x in p
        .programmes
        .iter()
        .filter(|x| x.single_country().is_none_or(|c| c.as_str() != "TUN"))
    {
        for s in x.stakeholders.iter().filter(|s| s.is_opposed()) {
            assert!(
                x.challenges
                    .iter()
                    .any(|c| !c.mitigations.is_empty() && c.stakeholders.contains(&s.id)),
                "{}: {}",
                x.name,
                s.name
            );
        }
    }
}

#[test]
fn only_mali_misses_quantitative_actuals_and_has_stale_data() {
    let p = sample();
    let misses_numbers = |x: &Programme| {
        x.indicators()
            .filter(|i| i.measure.is_quantitative())
            .any(|i| i.periods.iter().any(|x| x.actual.is_none()))
    };
    assert_eq!(countries_where(&p, misses_numbers), ["MLI"]);
    let mali = by_country(&p, "MLI");
    assert_eq!(mali.phase, ssr_model::model::Phase::Suspended);
    let latest = mali.indicators().filter_map(latest_actual).max().unwrap();
    assert!(
        latest <= d(2021, 12, 31),
        "Mali's latest actual is {latest}"
    );
    // Missing actuals elsewhere are on ordinal or qualitative indicators only.
    for x in p
        .programmes
        .iter()
        .filter(|x| x.single_country().is_none_or(|c| c.as_str() != "MLI"))
    {
        for i in x
            .indicators()
            .filter(|i| i.periods.iter().any(|x| x.actual.is_none()))
        {
            assert!(!i.measure.is_quantitative(), "{}: {}", x.name, i.title);
        }
    }
}

#[test]
fn ongoing_programmes_report_recent_actuals_on_every_indicator() {
    let p = sample();
    let ongoing = |x: &&Programme| {
        !matches!(
            x.phase,
            ssr_model::model::Phase::Closed | ssr_model::model::Phase::Suspended
        )
    };
    let mut checked = 0;
    for x in p.programmes.iter().filter(ongoing) {
        for i in x.indicators() {
            let latest = latest_actual(i).unwrap_or_else(|| panic!("{}: no actual", i.title));
            assert!(
                latest >= d(2024, 12, 31),
                "{}: {}: latest actual {latest}",
                x.name,
                i.title
            );
            checked += 1;
        }
    }
    assert!(checked > 30);
    // The closed programme's data stop before it closed.
    let sle = by_country(&p, "SLE");
    assert_eq!(sle.phase, ssr_model::model::Phase::Closed);
    let latest = sle.indicators().filter_map(latest_actual).max().unwrap();
    assert!(latest <= sle.actual_end.unwrap());
}

// ---------------------------------------------------------------- the results chain

/// Objectives (by statement) whose measuring indicators — those naming the
/// objective, else their component's, and those of sub-objectives — are
/// all at output level.
fn output_only_objectives(p: &Programme) -> Vec<&str> {
    use ssr_model::model::ResultLevel;
    let mut levels: Vec<BTreeSet<ResultLevel>> = vec![BTreeSet::new(); p.objectives.len()];
    for c in &p.components {
        for i in &c.indicators {
            let named = if i.objectives.is_empty() {
                &c.objectives
            } else {
                &i.objectives
            };
            for id in named {
                // Up the chain of parents (the sample has no cycle).
                let mut at = p.objectives.iter().position(|o| o.id == *id);
                while let Some(k) = at {
                    levels[k].insert(i.level);
                    at = p.objectives[k]
                        .parent
                        .and_then(|parent| p.objectives.iter().position(|o| o.id == parent));
                }
            }
        }
    }
    assert!(
        levels.iter().all(|l| !l.is_empty()),
        "{}: an objective is unmeasured",
        p.name
    );
    p.objectives
        .iter()
        .zip(&levels)
        .filter(|(_, l)| l.iter().all(|x| *x == ResultLevel::Output))
        .map(|(o, _)| o.statement.as_str())
        .collect()
}

#[test]
fn every_objective_is_measured_and_only_liberia_and_sierra_leone_measure_one_by_outputs_alone() {
    let p = sample();
    assert_eq!(
        countries_where(&p, |x| !output_only_objectives(x).is_empty()),
        ["LBR", "SLE"]
    );
    assert_eq!(output_only_objectives(by_country(&p, "LBR")).len(), 1);
    assert_eq!(output_only_objectives(by_country(&p, "SLE")).len(), 1);
    // Objectives are measured at every level somewhere in the portfolio, an
    // indicator names its own objective, and an objective has a parent.
    let levels: BTreeSet<_> = p
        .programmes
        .iter()
        .flat_map(|x| x.indicators())
        .map(|i| i.level)
        .collect();
    assert_eq!(levels.len(), 3);
    assert!(
        p.programmes
            .iter()
            .flat_map(|x| x.indicators())
            .any(|i| !i.objectives.is_empty())
    );
    assert!(
        p.programmes
            .iter()
            .flat_map(|x| &x.objectives)
            .any(|o| o.parent.is_some())
    );
}

#[test]
fn only_mali_has_components_with_outcomes_and_no_outputs() {
    use ssr_model::model::ResultLevel;
    let p = sample();
    let outcomes_only = |x: &Programme| {
        x.components.iter().any(|c| {
            c.indicators.iter().any(|i| i.level == ResultLevel::Outcome)
                && !c.indicators.iter().any(|i| i.level == ResultLevel::Output)
        })
    };
    assert_eq!(countries_where(&p, outcomes_only), ["MLI"]);
}

#[test]
fn every_indicator_has_a_source_and_the_sources_are_of_several_kinds() {
    let p = sample();
    let kinds: HashSet<_> = p
        .programmes
        .iter()
        .flat_map(|x| x.indicators())
        .map(|i| i.source.as_ref().expect(&i.title).kind)
        .collect();
    assert!(kinds.len() >= 4, "{kinds:?}");
}

/// Whether a unit indicator's period has a dimension whose (two or more)
/// categories' numbers do not add up to the period's number.
fn breakdown_short(i: &Indicator) -> bool {
    i.measure == Measure::Unit
        && i.periods.iter().any(|x| {
            let mut dims: Vec<&str> = x.breakdowns.iter().map(|b| b.dimension.as_str()).collect();
            dims.sort_unstable();
            dims.dedup();
            dims.into_iter().any(|dim| {
                let cats: Vec<_> = x.breakdowns.iter().filter(|b| b.dimension == dim).collect();
                let sum = |f: &dyn Fn(&ssr_model::model::Breakdown) -> Option<f64>| {
                    cats.iter().map(|b| f(b)).sum::<Option<f64>>()
                };
                let num = |v: &Option<Value>| v.as_ref().and_then(Value::as_number);
                cats.len() >= 2
                    && [
                        (sum(&|b| num(&b.target)), num(&x.target)),
                        (sum(&|b| num(&b.actual)), num(&x.actual)),
                    ]
                    .iter()
                    .any(|(s, t)| matches!((s, t), (Some(s), Some(t)) if (s - t).abs() > 0.01 * t.abs().max(1.0)))
            })
        })
}

#[test]
fn women_and_men_are_reported_in_five_programmes_and_only_tunisia_does_not_add_up() {
    let p = sample();
    let both = |x: &Programme| {
        x.indicators().any(|i| {
            i.periods.iter().any(|x| {
                ["female", "male"].iter().all(|c| {
                    x.breakdowns
                        .iter()
                        .any(|b| b.dimension == "sex" && b.category == *c && b.actual.is_some())
                })
            })
        })
    };
    assert_eq!(
        countries_where(&p, both),
        ["COL", "LBR", "SLE", "TUN", "ZAF"]
    );
    assert_eq!(
        countries_where(&p, |x| x.indicators().any(breakdown_short)),
        ["TUN"]
    );
}
