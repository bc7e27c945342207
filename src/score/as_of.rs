//! The as-of cut: what the crate knows on a date.
//!
//! One rule for every part of the scorecard: **what is known on date `D`
//! is what is dated on or before `D`**. Scoring as of `D` scores the
//! programme with everything dated after `D` taken out:
//!
//! | item | its date | taken out when |
//! |---|---|---|
//! | a transaction (every type) | `date` | after `D` |
//! | an evaluation | `date` | after `D` |
//! | an indicator baseline | `date` | after `D` |
//! | a period's actual (with its comment and its categories' actuals) | its `actual_date`, else the period | measured after `D`, or with no date of its own, the whole period lies after `D` |
//! | a category's baseline | the period | the whole period lies after `D` |
//! | the actual start and end dates | themselves | after `D`: the planned date is what was known |
//!
//! What is left, and why: targets, budgets and planned dates are plans,
//! known before the periods they cover (a budget period not started by `D`
//! counts as planned money, never as money spent); a value date only says
//! which exchange rate converts an amount. An actual of a period still open
//! on `D` was reported by then but its date of measurement is unknown: it
//! is kept and scored as interim, never silently in or out (see
//! [`IndicatorScore`](super::IndicatorScore)). Challenges, mitigations and
//! stakeholder assessments carry no date, so no cut reaches them.
//!
//! The cut borrows when nothing is dated after `D`, so scoring as of a date
//! past every item costs no copy. Transactions are not copied out but
//! skipped where they are summed ([`known`]), so that a finding on one
//! keeps its path in the document (`/transactions/3/value`).

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::{Baseline, Component, Indicator, Period, Programme};

/// Whether an item dated `date` is known on the judging date `as_of`
/// (always, without one).
pub(crate) fn known(date: NaiveDate, as_of: Option<NaiveDate>) -> bool {
    as_of.is_none_or(|d| date <= d)
}

/// The date a period's actual counts as measured on: its own date, else
/// the period's end.
pub(crate) fn measured(period: &Period) -> NaiveDate {
    period.actual_date.unwrap_or(period.end)
}

/// Whether a period's actual is interim on `as_of`: it has no date of its
/// own and its period is still open, so when it was measured is unknown.
pub(crate) fn interim(period: &Period, as_of: Option<NaiveDate>) -> bool {
    as_of.is_some_and(|d| period.actual_date.is_none() && period.start <= d && period.end > d)
}

/// Whether a period's actual (if any) is known on `as_of`: measured by
/// then, or interim.
pub(crate) fn actual_known(period: &Period, as_of: Option<NaiveDate>) -> bool {
    as_of.is_none_or(|d| measured(period) <= d || interim(period, Some(d)))
}

/// The baseline of `ind` as known on `as_of`: none when it is dated after.
pub(crate) fn known_baseline(ind: &Indicator, as_of: Option<NaiveDate>) -> Option<&Baseline> {
    ind.baseline
        .as_ref()
        .filter(|b| b.date.is_none_or(|x| known(x, as_of)))
}

/// The start date that applies on `as_of`: the actual one once it is
/// known, else the planned one ([`Programme::start`] of the cut programme).
pub(crate) fn start(p: &Programme, as_of: Option<NaiveDate>) -> Option<NaiveDate> {
    p.actual_start
        .filter(|&x| known(x, as_of))
        .or(p.planned_start)
}

/// The end date that applies on `as_of` ([`Programme::end`] of the cut
/// programme).
pub(crate) fn end(p: &Programme, as_of: Option<NaiveDate>) -> Option<NaiveDate> {
    p.actual_end.filter(|&x| known(x, as_of)).or(p.planned_end)
}

/// Whether the period's actual is taken out as of `d`.
fn actual_after(period: &Period, d: NaiveDate) -> bool {
    match period.actual_date {
        Some(m) => m > d,
        None => after(period, d),
    }
}

/// Whether `period` lies wholly after `d`: anything measured in it was
/// measured after `d`.
pub(crate) fn after(period: &Period, d: NaiveDate) -> bool {
    period.start > d && period.end > d
}

/// Whether the indicator holds anything dated after `d`.
fn indicator_has_later(ind: &Indicator, d: NaiveDate) -> bool {
    ind.baseline
        .as_ref()
        .and_then(|b| b.date)
        .is_some_and(|x| x > d)
        || ind.periods.iter().any(|p| {
            (actual_after(p, d)
                && (p.actual.is_some()
                    || p.actual_date.is_some()
                    || p.comment.is_some()
                    || p.breakdowns.iter().any(|b| b.actual.is_some())))
                || (after(p, d) && p.breakdowns.iter().any(|b| b.baseline.is_some()))
        })
}

/// Takes out of `ind` in place what is dated after `d`.
pub(crate) fn cut_indicator(ind: &mut Indicator, d: NaiveDate) {
    if ind
        .baseline
        .as_ref()
        .and_then(|b| b.date)
        .is_some_and(|x| x > d)
    {
        ind.baseline = None;
    }
    for p in &mut ind.periods {
        if actual_after(p, d) {
            p.actual = None;
            p.actual_date = None;
            p.comment = None;
            p.breakdowns.iter_mut().for_each(|b| b.actual = None);
        }
        if after(p, d) {
            p.breakdowns.iter_mut().for_each(|b| b.baseline = None);
        }
    }
}

/// `ind` as known on `d` (itself when `d` is `None`).
pub(crate) fn indicator(ind: &Indicator, d: Option<NaiveDate>) -> Cow<'_, Indicator> {
    match d {
        Some(d) if indicator_has_later(ind, d) => {
            let mut out = ind.clone();
            cut_indicator(&mut out, d);
            Cow::Owned(out)
        }
        _ => Cow::Borrowed(ind),
    }
}

/// `component` as known on `d` (itself when `d` is `None`).
pub(crate) fn component(component: &Component, d: Option<NaiveDate>) -> Cow<'_, Component> {
    match d {
        Some(d)
            if component
                .indicators
                .iter()
                .any(|i| indicator_has_later(i, d)) =>
        {
            let mut out = component.clone();
            out.indicators.iter_mut().for_each(|i| cut_indicator(i, d));
            Cow::Owned(out)
        }
        _ => Cow::Borrowed(component),
    }
}

/// Whether the programme holds anything dated after `d`.
pub(crate) fn programme_has_later(p: &Programme, d: NaiveDate) -> bool {
    p.evaluations.iter().any(|e| e.date > d)
        || p.actual_start.is_some_and(|x| x > d)
        || p.actual_end.is_some_and(|x| x > d)
        || p.indicators().any(|i| indicator_has_later(i, d))
}

/// `programme` as known on `d` (itself when `d` is `None`).
pub(crate) fn programme(programme: &Programme, d: Option<NaiveDate>) -> Cow<'_, Programme> {
    let Some(d) = d.filter(|&d| programme_has_later(programme, d)) else {
        return Cow::Borrowed(programme);
    };
    let mut out = programme.clone();
    out.evaluations.retain(|e| e.date <= d);
    if out.actual_start.is_some_and(|x| x > d) {
        out.actual_start = None;
    }
    if out.actual_end.is_some_and(|x| x > d) {
        out.actual_end = None;
    }
    for c in &mut out.components {
        c.indicators.iter_mut().for_each(|i| cut_indicator(i, d));
    }
    Cow::Owned(out)
}
