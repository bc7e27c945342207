//! The results chain: objectives measured at the right level, a means of
//! verification for every indicator, and breakdowns that add up.

use std::collections::{BTreeMap, HashMap};

use super::Code;
use super::sink::Sink;
use crate::diagnostics::path::At;
use crate::{Component, Indicator, Measure, ObjectiveId, Period, Programme, ResultLevel, Value};

/// The result levels an objective is measured at, as bits (output 1,
/// outcome 2, impact 4).
fn bit(level: ResultLevel) -> u8 {
    match level {
        ResultLevel::Output => 1,
        ResultLevel::Outcome => 2,
        ResultLevel::Impact => 4,
    }
}

/// `objective_cycle`, `objective_unmeasured` and `objective_output_only`.
///
/// `index` maps each objective id to the position of its first holder
/// (duplicates and dangling ids are reported elsewhere and skipped here).
pub(crate) fn objectives(
    sink: &mut Sink<'_>,
    at: &At<'_>,
    p: &Programme,
    index: &HashMap<ObjectiveId, usize>,
) {
    let objectives = at.member("objectives");
    let parents: Vec<Option<usize>> = p
        .objectives
        .iter()
        .map(|o| o.parent.and_then(|id| index.get(&id).copied()))
        .collect();
    let in_cycle = cycles(&parents);
    for (i, o) in p.objectives.iter().enumerate() {
        if in_cycle.get(i).copied() == Some(Some(i)) {
            let here = objectives.index(i);
            sink.emit(
                Code::ObjectiveCycle,
                &here.member("parent"),
                format_args!(
                    "the objective {:?} is, through its parents, its own parent",
                    o.statement
                ),
                "remove the parent of the overall objective, so that each chain of parents ends",
            );
        }
    }
    let wants = sink.wants(Code::ObjectiveUnmeasured) || sink.wants(Code::ObjectiveOutputOnly);
    if !wants {
        return;
    }
    let mut levels = vec![0u8; p.objectives.len()];
    for c in &p.components {
        for ind in &c.indicators {
            for id in Programme::measured_objectives(c, ind) {
                let mut next = index.get(id).copied();
                // At most one step per objective: a cycle cannot loop.
                for _ in 0..levels.len() {
                    let Some(k) = next else { break };
                    if let Some(l) = levels.get_mut(k) {
                        *l |= bit(ind.level);
                    }
                    next = parents.get(k).copied().flatten();
                }
            }
        }
    }
    for (i, (o, &l)) in p.objectives.iter().zip(&levels).enumerate() {
        let here = objectives.index(i);
        if l == 0 {
            sink.emit(
                Code::ObjectiveUnmeasured,
                &here,
                format_args!("no indicator measures the objective {:?}", o.statement),
                "add an indicator that names this objective, or link it to a component whose \
                 indicators measure it",
            );
        } else if l == bit(ResultLevel::Output) {
            sink.emit(
                Code::ObjectiveOutputOnly,
                &here,
                format_args!(
                    "the objective {:?} is measured by output indicators only",
                    o.statement
                ),
                "add an outcome or impact indicator that names this objective: what changes, \
                 not only what was delivered",
            );
        }
    }
}

/// For each objective, the first objective of the cycle it lies on (the
/// one listed first), or `None` off any cycle. Linear: each objective is
/// walked once.
fn cycles(parents: &[Option<usize>]) -> Vec<Option<usize>> {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; parents.len()];
    let mut cycle_of = vec![None; parents.len()];
    let mut path = Vec::new();
    for start in 0..parents.len() {
        path.clear();
        let mut at = Some(start);
        while let Some(i) = at {
            match state.get(i).copied() {
                Some(NEW) => {
                    if let Some(s) = state.get_mut(i) {
                        *s = ON_PATH;
                    }
                    path.push(i);
                    at = parents.get(i).copied().flatten();
                }
                Some(ON_PATH) => {
                    // `i` was met again on this walk: the parents from `i`
                    // lead back to it, and those objectives are the cycle.
                    let mut members = vec![i];
                    let mut k = parents.get(i).copied().flatten();
                    while let Some(m) = k.filter(|&m| m != i && members.len() < parents.len()) {
                        members.push(m);
                        k = parents.get(m).copied().flatten();
                    }
                    let first = members.iter().copied().min();
                    for &k in &members {
                        if let Some(c) = cycle_of.get_mut(k) {
                            *c = first;
                        }
                    }
                    break;
                }
                _ => break,
            }
        }
        for &k in &path {
            if let Some(s) = state.get_mut(k) {
                *s = DONE;
            }
        }
    }
    cycle_of
}

/// `outcome_without_outputs`.
pub(crate) fn component(sink: &mut Sink<'_>, at: &At<'_>, c: &Component) {
    let has = |level| c.indicators.iter().any(|i| i.level == level);
    if has(ResultLevel::Outcome) && !has(ResultLevel::Output) {
        sink.emit(
            Code::OutcomeWithoutOutputs,
            &at.member("indicators"),
            format_args!(
                "the component {:?} has outcome indicators and no output indicator",
                c.name
            ),
            "add output indicators for what the component delivers (people trained, bodies \
             set up, laws drafted), so that a change in the outcome can be traced to the work",
        );
    }
}

/// `missing_source`.
pub(crate) fn source(sink: &mut Sink<'_>, at: &At<'_>, indicator: &Indicator) {
    if indicator.source.is_none() {
        sink.emit(
            Code::MissingSource,
            &at.member("source"),
            format_args!(
                "the indicator {:?} has no data source (means of verification)",
                indicator.title
            ),
            "name the source of its values: a survey, an audit, administrative records or an \
             independent oversight body's report",
        );
    }
}

/// The categories of one dimension in a period.
#[derive(Default)]
struct Sums {
    /// The categories' targets and actuals; `None` once one lacks a number.
    targets: Option<Vec<f64>>,
    actuals: Option<Vec<f64>>,
    /// The breakdowns' own say on additivity, `Some(false)` winning.
    additive: Option<bool>,
    categories: usize,
}

fn add(values: &mut Option<Vec<f64>>, first: bool, value: Option<&Value>) {
    if first {
        *values = Some(Vec::new());
    }
    match (values.as_mut(), value.and_then(Value::as_number)) {
        (Some(v), Some(x)) => v.push(x),
        _ => *values = None,
    }
}

/// The sum of `values` in ascending order, so that the order categories
/// are listed in cannot change the result by a rounding.
fn sum(values: Option<Vec<f64>>) -> Option<f64> {
    let mut values = values?;
    values.sort_by(f64::total_cmp);
    Some(values.into_iter().sum())
}

/// `breakdown_sum` and `breakdown_incomplete` for one period.
pub(crate) fn breakdowns(sink: &mut Sink<'_>, at: &At<'_>, measure: Measure, period: &Period) {
    if period.breakdowns.is_empty() {
        return;
    }
    let here = at.member("breakdowns");
    let by_sex = || period.breakdowns.iter().filter(|b| b.is_by_sex());
    if period.actual.is_some()
        && by_sex().any(|b| b.target.is_some())
        && !by_sex().any(|b| b.actual.is_some())
    {
        sink.emit(
            Code::BreakdownIncomplete,
            &here,
            format_args!(
                "the period {}–{} has a target by sex and an actual, but no actual by sex",
                period.start, period.end
            ),
            "report the actual for each category that has a target, or say in the period's \
             comment why it could not be collected",
        );
    }
    if !measure.is_quantitative() || !sink.wants(Code::BreakdownSum) {
        return;
    }
    let mut dims: BTreeMap<&str, Sums> = BTreeMap::new();
    for b in &period.breakdowns {
        let s = dims.entry(b.dimension.as_str()).or_default();
        let first = s.categories == 0;
        add(&mut s.targets, first, b.target.as_ref());
        add(&mut s.actuals, first, b.actual.as_ref());
        s.additive = match (s.additive, b.additive) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (a, b) => a.or(b),
        };
        s.categories += 1;
    }
    let policy = sink.policy;
    let tolerance = policy.breakdown_tolerance.get();
    for (dimension, s) in dims {
        let exempt = policy
            .non_additive_dimensions
            .iter()
            .any(|d| d.eq_ignore_ascii_case(dimension));
        let additive = s.additive.unwrap_or(measure == Measure::Unit);
        // A single category is an "of which" figure (women among the
        // officers trained), not a breakdown that should add up.
        if exempt || !additive || s.categories < 2 {
            continue;
        }
        for (what, sum, total) in [
            ("targets", sum(s.targets), period.target.as_ref()),
            ("actuals", sum(s.actuals), period.actual.as_ref()),
        ] {
            let (Some(sum), Some(total)) = (sum, total.and_then(Value::as_number)) else {
                continue;
            };
            if (sum - total).abs() > tolerance * total.abs().max(1.0) {
                sink.emit(
                    Code::BreakdownSum,
                    &here,
                    format_args!(
                        "the {what} by {dimension} of the period {}–{} sum to {sum}, not to the \
                         period's {total}",
                        period.start, period.end
                    ),
                    "correct the total or the categories, add the missing category (e.g. \
                     not_recorded), or declare the dimension not additive",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::cycles;

    #[test]
    fn cycles_are_found_once_each_in_linear_time() {
        // 0 → 1 → 2 → 1 (cycle {1, 2}), 3 → 3, 4 → 0, 5 root.
        let parents = [Some(1), Some(2), Some(1), Some(3), Some(0), None];
        assert_eq!(
            cycles(&parents),
            [None, Some(1), Some(1), Some(3), None, None]
        );
        assert_eq!(cycles(&[]), []);
    }
}
