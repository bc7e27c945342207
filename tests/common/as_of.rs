//! The slow, obvious oracle of scoring "as of" a date: delete what was not
//! known yet, then score.
//!
//! Scoring a portfolio as of `D` must equal scoring
//! [`delete_after`]`(portfolio, D)` as of `D`. The oracle is a plain copy
//! with items removed, through the public fields of the model only, so it
//! cannot share a bug with the scorer's own date handling.
//!
//! # What is cut
//!
//! Every dated item of the model (`src/model`), item by item:
//!
//! | item | date read | cut when | function |
//! |---|---|---|---|
//! | `Period::actual` (with its `actual_date`, its `comment`) and the `actual` of each of its `breakdowns` | `Period::actual_date`, the date it was measured on, else `Period::end`, where an actual counts as measured (`src/model/indicator/period.rs`) | measured after `D`; with no date of its own, the whole period lies after `D` (`start > D` and `end > D`) | [`delete_actuals_after`] |
//! | `Indicator::baseline` (value, date, comment) | `Baseline::date` | dated after `D` | [`delete_baselines_after`] |
//! | `Programme::transactions` | `Transaction::date` | dated after `D` | [`delete_transactions_after`] |
//! | `Programme::evaluations` | `Evaluation::date` | dated after `D` | [`delete_evaluations_after`] |
//! | `Programme::actual_start`, `Programme::actual_end` | themselves | after `D`: on `D` the programme had not started (ended) yet, so the planned date is all anyone knew | [`delete_programme_dates_after`] |
//!
//! An actual of a period **open on `D`** (`start ≤ D < end`) is kept. The
//! model records no measurement date, only the period it belongs to, so
//! the actual may have been measured inside the period or after it: its
//! date is unknown, and an unknown date must be named, never silently put
//! in or out. Keeping it in the oracle makes both sides of the property
//! see it, so the scorer must treat it the same way whatever comes later
//! (today it ignores it; an `interim` status would name it).
//!
//! # What is left, and why
//!
//! Dated fields the oracle does not cut:
//!
//! - `Period::target` and breakdown targets: a target is a plan made for
//!   its period, known before the period (the scorer's default target is
//!   the end-of-programme target, `src/score/indicator.rs`); the period
//!   dates say when it is due, not when it was set.
//! - `Budget` (every period, original or revised): a budget is a plan; a
//!   budget period that has not started counts as planned money, not as
//!   money elapsed. Its dates say what period it covers, not when it was
//!   decided; a revision carries no date of its own.
//! - `Transaction::value_date` and `Budget::value_date`: the date whose
//!   exchange rate converts the value (`src/model/transaction.rs`), not
//!   when the flow happened; the transaction date decides the cut.
//! - `Programme::planned_start`, `Programme::planned_end`: the plan, known
//!   from the start; they give the elapsed share of time.
//! - `Period::start`, `Period::end`: the reporting schedule (a plan).
//! - Breakdown baselines: a category's starting point, recorded in a
//!   period but carrying no date of its own.
//!
//! Fields that hold later knowledge but carry no date at all, so no cut can
//! reach them: `Programme::phase`, `Programme::budget` (the stated total),
//! `Programme::funding`, a challenge's `status`, `likelihood` and `impact`,
//! a mitigation's `effectiveness`, a stakeholder's assessment (influence,
//! interest, stance). The exchange-rate table is not part of the portfolio.

use chrono::{Days, NaiveDate};
use ssr_model::diagnostics::Location;
use ssr_model::score::programme::FinanceProfile;
use ssr_model::{Portfolio, Programme};

/// A copy of `portfolio` with everything dated after `d` removed: every cut
/// of this module (see the module documentation for the list).
pub fn delete_after(portfolio: &Portfolio, d: NaiveDate) -> Portfolio {
    let mut out = portfolio.clone();
    for cut in [
        delete_actuals_after,
        delete_baselines_after,
        delete_transactions_after,
        delete_evaluations_after,
        delete_programme_dates_after,
    ] {
        out = cut(&out, d);
    }
    out
}

/// Whether a period lies wholly after `d`, so that its actual was surely
/// measured after `d`.
fn after(start: NaiveDate, end: NaiveDate, d: NaiveDate) -> bool {
    start > d && end > d
}

/// Indicator actuals (periods and their breakdowns) measured after `d`
/// removed, with the period's comment on its actual: those dated after `d`
/// (`actual_date`), and, with no date of their own, those of periods lying
/// wholly after `d`.
pub fn delete_actuals_after(portfolio: &Portfolio, d: NaiveDate) -> Portfolio {
    let mut out = portfolio.clone();
    for p in &mut out.programmes {
        for c in &mut p.components {
            for i in &mut c.indicators {
                for period in &mut i.periods {
                    let measured_after = match period.actual_date {
                        Some(m) => m > d,
                        None => after(period.start, period.end, d),
                    };
                    if measured_after {
                        period.actual = None;
                        period.actual_date = None;
                        period.comment = None;
                        for b in &mut period.breakdowns {
                            b.actual = None;
                        }
                    }
                }
            }
        }
    }
    out
}

/// Indicator baselines dated after `d` removed (not measured yet on `d`).
pub fn delete_baselines_after(portfolio: &Portfolio, d: NaiveDate) -> Portfolio {
    let mut out = portfolio.clone();
    for p in &mut out.programmes {
        for c in &mut p.components {
            for i in &mut c.indicators {
                if i.baseline
                    .as_ref()
                    .and_then(|b| b.date)
                    .is_some_and(|x| x > d)
                {
                    i.baseline = None;
                }
            }
        }
    }
    out
}

/// Transactions dated after `d` removed (every type: commitments,
/// disbursements, expenditure, incoming funds …).
pub fn delete_transactions_after(portfolio: &Portfolio, d: NaiveDate) -> Portfolio {
    let mut out = portfolio.clone();
    for p in &mut out.programmes {
        p.transactions.retain(|t| t.date <= d);
    }
    out
}

/// Evaluations dated after `d` removed.
pub fn delete_evaluations_after(portfolio: &Portfolio, d: NaiveDate) -> Portfolio {
    let mut out = portfolio.clone();
    for p in &mut out.programmes {
        p.evaluations.retain(|e| e.date <= d);
    }
    out
}

/// Actual start and end dates after `d` removed: on `d` they had not
/// happened.
pub fn delete_programme_dates_after(portfolio: &Portfolio, d: NaiveDate) -> Portfolio {
    let mut out = portfolio.clone();
    for p in &mut out.programmes {
        if p.actual_start.is_some_and(|x| x > d) {
            p.actual_start = None;
        }
        if p.actual_end.is_some_and(|x| x > d) {
            p.actual_end = None;
        }
    }
    out
}

/// Every date the portfolio carries, in any field, sorted and without
/// repeats: the dates around which a cut changes what is known.
pub fn dates_in(portfolio: &Portfolio) -> Vec<NaiveDate> {
    let mut all = Vec::new();
    for p in &portfolio.programmes {
        all.extend(
            [p.planned_start, p.planned_end, p.actual_start, p.actual_end]
                .into_iter()
                .flatten(),
        );
        for i in p.indicators() {
            all.extend(i.baseline.as_ref().and_then(|b| b.date));
            for period in &i.periods {
                all.extend([period.start, period.end]);
                all.extend(period.actual_date);
            }
        }
        for t in &p.transactions {
            all.extend([t.date, t.value_date]);
        }
        for b in &p.budgets {
            all.extend([b.start, b.end, b.value_date]);
        }
        all.extend(p.evaluations.iter().map(|e| e.date));
    }
    all.sort();
    all.dedup();
    all
}

/// `date` moved by `days` (either way), staying in chrono's range.
pub fn shift(date: NaiveDate, days: i64) -> NaiveDate {
    let n = Days::new(days.unsigned_abs());
    let moved = if days < 0 {
        date.checked_sub_days(n)
    } else {
        date.checked_add_days(n)
    };
    moved.unwrap_or(date)
}

/// `finance` (scored from `programme` as of `d`) with each transaction path
/// renumbered as the oracle numbers it.
///
/// The scorer names a transaction by its index in the document
/// (`/transactions/3/value`), as every finding does, so that the user
/// finds it; deleting the transactions after `d` renumbers those left.
/// Both name the same transaction: index `i` in the document is index
/// (number of transactions before `i` dated on or before `d`) in the
/// oracle's copy. Nothing else of the profile changes.
pub fn oracle_paths(
    mut finance: FinanceProfile,
    programme: &Programme,
    d: NaiveDate,
) -> FinanceProfile {
    for f in &mut finance.findings {
        let path = f.path.as_str();
        let Some(rest) = path.strip_prefix("/transactions/") else {
            continue;
        };
        let (index, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let i: usize = index.parse().unwrap();
        let kept = programme.transactions[..i]
            .iter()
            .filter(|t| t.date <= d)
            .count();
        f.path = Location::from(format!("/transactions/{kept}{tail}"));
    }
    finance
}
