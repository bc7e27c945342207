//! The shared strategies keep the promises their documentation makes, so
//! that validation and scoring tests can rely on `consistent_programme()`.

use crate::common;

use std::collections::HashSet;

use chrono::NaiveDate;
use common::strategies::*;
use proptest::prelude::*;
use ssr_model::model::{Amount, Direction, Measure, Role};
use ssr_model::{Programme, Value};
use uuid::Uuid;

fn lo() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
}

fn hi() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 12, 31).unwrap()
}

fn distinct<T: std::hash::Hash + Eq>(items: impl IntoIterator<Item = T>) -> bool {
    let mut seen = HashSet::new();
    items.into_iter().all(|i| seen.insert(i))
}

fn check_references(p: &Programme) -> Result<(), TestCaseError> {
    let stakeholders: HashSet<_> = p.stakeholders.iter().map(|s| s.id).collect();
    let objectives: HashSet<_> = p.objectives.iter().map(|o| o.id).collect();
    let components: HashSet<_> = p.components.iter().map(|c| c.id).collect();
    for c in &p.components {
        if let Some(lead) = c.lead {
            prop_assert!(stakeholders.contains(&lead));
        }
        prop_assert!(c.objectives.iter().all(|o| objectives.contains(o)));
        prop_assert!(distinct(&c.objectives));
    }
    for h in &p.challenges {
        prop_assert!(h.affects.iter().all(|c| components.contains(c)));
        prop_assert!(h.stakeholders.iter().all(|s| stakeholders.contains(s)));
        prop_assert!(distinct(&h.affects) && distinct(&h.stakeholders));
        for m in &h.mitigations {
            if let Some(owner) = m.owner {
                prop_assert!(stakeholders.contains(&owner));
            }
        }
    }
    for f in &p.funding {
        prop_assert!(stakeholders.contains(&f.source));
        prop_assert!(p.stakeholder(f.source).unwrap().has_role(Role::Funding));
    }
    prop_assert!(distinct(p.funding.iter().map(|f| f.source)));
    Ok(())
}

fn check_dates(p: &Programme) -> Result<(), TestCaseError> {
    let (ps, pe) = (p.planned_start.unwrap(), p.planned_end.unwrap());
    prop_assert!(lo() <= ps && ps < pe && pe <= hi());
    if let Some(end) = p.actual_end {
        prop_assert!(p.actual_start.is_some());
        prop_assert!(p.actual_start.unwrap() < end && end <= hi());
    }
    let (start, end) = (p.start().unwrap(), p.end().unwrap());
    prop_assert!(start >= ps && start < end);
    for i in p.indicators() {
        prop_assert!(!i.periods.is_empty());
        for period in &i.periods {
            prop_assert!(period.start <= period.end);
            prop_assert!(
                ps <= period.start && period.end <= pe,
                "inside the planned span"
            );
            prop_assert!(
                start <= period.start && period.end <= end,
                "inside the actual span"
            );
        }
        for w in i.periods.windows(2) {
            prop_assert!(w[0].end < w[1].start, "consecutive, not overlapping");
        }
        if let Some(date) = i.baseline.as_ref().and_then(|b| b.date) {
            prop_assert!(date <= i.periods[0].start);
        }
    }
    for e in &p.evaluations {
        prop_assert!(start <= e.date && e.date <= end);
    }
    Ok(())
}

fn check_money(p: &Programme) -> Result<(), TestCaseError> {
    if p.funding.is_empty() {
        return Ok(());
    }
    let budget = p.budget.unwrap();
    let mut total = Amount::ZERO;
    for f in &p.funding {
        prop_assert_eq!(f.amount.currency, budget.currency);
        total = total.checked_add(f.amount.amount).unwrap();
    }
    prop_assert_eq!(total, budget.amount);
    let shares: Vec<f64> = p
        .funding
        .iter()
        .filter_map(|f| f.share.map(|s| s.get()))
        .collect();
    prop_assert!(shares.is_empty() || shares.len() == p.funding.len());
    if !shares.is_empty() {
        prop_assert_eq!(shares.iter().sum::<f64>(), 100.0);
    }
    let percentages: Vec<f64> = p
        .sectors
        .iter()
        .filter_map(|s| s.percentage.map(|x| x.get()))
        .collect();
    if !percentages.is_empty() {
        prop_assert_eq!(percentages.len(), p.sectors.len());
        prop_assert_eq!(percentages.iter().sum::<f64>(), 100.0);
    }
    prop_assert!(distinct(p.sectors.iter().map(|s| s.code.clone())));
    Ok(())
}

fn check_values(p: &Programme) -> Result<(), TestCaseError> {
    for i in p.indicators() {
        prop_assert!(i.weight.get() > 0.0);
        let values = i
            .periods
            .iter()
            .flat_map(|p| [p.target.as_ref(), p.actual.as_ref()])
            .chain([i.baseline.as_ref().and_then(|b| b.value.as_ref())])
            .flatten();
        match i.measure {
            Measure::Unit | Measure::Percentage => {
                let baseline = i
                    .baseline
                    .as_ref()
                    .unwrap()
                    .value
                    .as_ref()
                    .unwrap()
                    .as_number()
                    .unwrap();
                for v in values {
                    let x = v.as_number().unwrap();
                    prop_assert!(x >= 0.0);
                    if i.measure == Measure::Percentage {
                        prop_assert!(x <= 100.0);
                    }
                }
                let target = i
                    .periods
                    .last()
                    .unwrap()
                    .target
                    .as_ref()
                    .unwrap()
                    .as_number()
                    .unwrap();
                match i.direction.unwrap() {
                    Direction::Increase => prop_assert!(target > baseline),
                    _ => prop_assert!(target < baseline),
                }
            }
            Measure::Ordinal | Measure::Qualitative => {
                let scale = i.scale.as_ref().unwrap();
                for v in values {
                    prop_assert!(scale.position(v.as_label().unwrap()).is_some());
                }
                for period in &i.periods {
                    let target = period.target.as_ref().and_then(Value::as_label).unwrap();
                    prop_assert!(scale.position(target).unwrap() >= 1);
                }
            }
            _ => {
                prop_assert!(i.scale.is_none());
                prop_assert!(values.into_iter().all(|v| v.as_label().is_some()));
            }
        }
    }
    for e in &p.evaluations {
        for r in e.ratings() {
            prop_assert!(e.scale().position(&r.rating).is_some());
        }
    }
    Ok(())
}

fn check_names(p: &Programme) -> Result<(), TestCaseError> {
    let mut names = vec![p.name.as_str()];
    names.extend(p.stakeholders.iter().map(|s| s.name.as_str()));
    names.extend(p.objectives.iter().map(|o| o.statement.as_str()));
    names.extend(p.components.iter().map(|c| c.name.as_str()));
    names.extend(p.indicators().map(|i| i.title.as_str()));
    names.extend(p.challenges.iter().map(|c| c.description.as_str()));
    names.extend(
        p.challenges
            .iter()
            .flat_map(|c| c.mitigations.iter().map(|m| m.action.as_str())),
    );
    names.extend(p.evaluations.iter().map(|e| e.evaluator.as_str()));
    for name in names {
        prop_assert!(!name.trim().is_empty());
    }
    prop_assert!(!p.stakeholders.is_empty() && !p.components.is_empty());
    prop_assert!(
        p.components
            .iter()
            .all(|c| (1..=3).contains(&c.indicators.len()) && c.weight.get() > 0.0)
    );
    Ok(())
}

fn all_ids(p: &Programme) -> Vec<Uuid> {
    let mut ids = vec![*p.id.as_uuid()];
    ids.extend(p.stakeholders.iter().map(|s| *s.id.as_uuid()));
    ids.extend(p.objectives.iter().map(|o| *o.id.as_uuid()));
    ids.extend(p.components.iter().map(|c| *c.id.as_uuid()));
    ids.extend(p.indicators().map(|i| *i.id.as_uuid()));
    ids.extend(p.challenges.iter().map(|c| *c.id.as_uuid()));
    ids.extend(p.evaluations.iter().map(|e| *e.id.as_uuid()));
    ids
}

proptest! {
    #[test]
    fn consistent_programmes_are_consistent(p in consistent_programme()) {
        check_references(&p)?;
        check_dates(&p)?;
        check_money(&p)?;
        check_values(&p)?;
        check_names(&p)?;
        prop_assert!(distinct(all_ids(&p)));
    }

    #[test]
    fn consistent_portfolios_have_unique_ids(portfolio in consistent_portfolio()) {
        prop_assert!(portfolio.programmes.len() <= 3);
        let ids: Vec<Uuid> = portfolio.programmes.iter().flat_map(all_ids).collect();
        prop_assert!(distinct(ids));
        for p in &portfolio.programmes {
            check_references(p)?;
            check_dates(p)?;
        }
    }

    #[test]
    fn arbitrary_programmes_stay_small(p in arb_programme()) {
        prop_assert!(p.stakeholders.len() <= 3 && p.components.len() <= 2);
        prop_assert!(p.indicators().count() <= 6);
    }
}

#[test]
fn the_strategies_cover_the_hard_cases() {
    // Over a fixed number of cases, the arbitrary strategies must produce the
    // awkward values the round-trip properties rely on.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut seen_escape = false;
    let mut seen_non_ascii = false;
    let mut seen_far_date = false;
    let mut seen_huge_number = false;
    for _ in 0..2000 {
        let text = arb_text().new_tree(&mut runner).unwrap().current();
        seen_escape |= text
            .chars()
            .any(|c| c == '"' || c == '\\' || c.is_control());
        seen_non_ascii |= !text.is_ascii();
        let date = arb_date().new_tree(&mut runner).unwrap().current();
        seen_far_date |= date.format("%Y").to_string().len() != 4;
        let x = arb_finite_f64().new_tree(&mut runner).unwrap().current();
        seen_huge_number |= x.abs() > 1e14;
    }
    assert!(seen_escape && seen_non_ascii && seen_far_date && seen_huge_number);
}
