//! The panel table: one row per programme and year, scored as of the
//! year's end ([`Scorer::panel`](crate::Scorer::panel)).

use std::ops::RangeInclusive;

use chrono::Datelike;

use crate::Portfolio;
use crate::score::compare::PanelRow;
use crate::score::programme::RecipientShare;

use super::Kind::{Code, Date, Float, Integer, Money, Text};
use super::TableName;
use super::entities::place_kind;
use super::table::shared::*;
use super::table::{Cell, ColumnSpec as C, Table};

pub(super) const PANEL: &[C] = &[
    PROGRAMME_ID,
    PROGRAMME_NAME,
    C::new("year", Integer, "the calendar year"),
    C::new("as_of", Date, "the date scored at: the year's last day"),
    C::new(
        "recipients",
        Text,
        "every recipient with its share of the money, `;`-joined: `LBR=0.7;SLE=0.3`, `?` for an unknown share; one row per recipient is in the recipients table",
    ),
    C::new(
        "main_recipient",
        Code,
        "the recipient country (alpha-3) or region (IATI Region code) of largest known share, the first on ties; empty when a share is unknown",
    ),
    C::new("main_recipient_kind", Code, "country or region"),
    C::new("main_recipient_share", Float, "its share, 0–1"),
    C::new(
        "composite",
        Float,
        "the composite among the programmes scored that year; empty when not ranked",
    ),
    C::new(
        "rank",
        Integer,
        "the rank among the programmes ranked that year, 1 is best",
    ),
    C::new(
        "rank_p05",
        Float,
        "the 5th percentile of the Monte Carlo rank that year; empty unless the panel was ranked with uncertainty",
    ),
    C::new(
        "rank_p95",
        Float,
        "the 95th percentile of the Monte Carlo rank that year",
    ),
    C::new(
        "not_ranked",
        Code,
        "why the programme is not ranked that year; empty when it is",
    ),
    C::new(
        "change",
        Float,
        "the composite minus last year's, when both are known",
    ),
    C::new("progress", Float, "the results score, 0–1"),
    C::new(
        "coverage",
        Float,
        "the share of indicator weight with data, 0–1",
    ),
    C::new(
        "output_progress",
        Float,
        "progress of the output indicators",
    ),
    C::new(
        "outcome_progress",
        Float,
        "progress of the outcome indicators",
    ),
    C::new(
        "impact_progress",
        Float,
        "progress of the impact indicators",
    ),
    C::new("evaluation", Float, "the evaluation dimension's raw value"),
    C::new("risk", Float, "the risk dimension's raw value"),
    C::new("resistance", Float, "the resistance dimension's raw value"),
    C::new("inclusion", Float, "the inclusion dimension's raw value"),
    C::new("finance", Float, "the finance dimension's raw value (pace)"),
    C::new("on_track", Integer, "indicators on track"),
    C::new("at_risk", Integer, "indicators at risk"),
    C::new("off_track", Integer, "indicators off track"),
    C::new(
        "interim",
        Integer,
        "indicators whose actual belongs to a period still open",
    ),
    C::new("no_data", Integer, "indicators without progress"),
    C::new(
        "undated_baselines",
        Integer,
        "indicators whose baseline has no date: the as-of rule keeps such a baseline at every date",
    ),
    C::new(
        "currency",
        Code,
        "ISO 4217 currency of every amount of the row (the finance currency)",
    ),
    C::new(
        "committed_year",
        Float,
        "commitments dated that year, in `currency`; empty when none",
    ),
    C::new("disbursed_year", Float, "disbursements dated that year"),
    C::new("spent_year", Float, "expenditure dated that year"),
    C::new("committed", Float, "commitments to the year's end"),
    C::new("disbursed", Float, "disbursements to the year's end"),
    C::new("spent", Float, "expenditure to the year's end"),
    C::new(
        "ssr_paid_year",
        Money,
        "the SSR part of the disbursements, reimbursements and expenditure dated that year (sector shares), exact, in `currency`; empty when none, or when a share or rate is unknown (see `ssr_unknown`)",
    ),
    C::new(
        "ssr_unknown",
        Text,
        "why `ssr_paid_year` is unknown although money was paid",
    ),
];

/// `LBR=0.7;SLE=0.3`, `?` for an unknown share.
fn recipients(shares: &[RecipientShare]) -> Cell {
    super::entities::joined(shares.iter().map(|s| match s.share {
        Some(x) => format!("{}={x}", s.place),
        None => format!("{}=?", s.place),
    }))
}

/// The recipient of largest share (the first on ties); `None` when a
/// share is unknown or there is no recipient.
fn main_recipient(shares: &[RecipientShare]) -> Option<(RecipientShare, f64)> {
    let mut best: Option<(RecipientShare, f64)> = None;
    for s in shares {
        let share = s.share?;
        if best.is_none_or(|(_, b)| share > b) {
            best = Some((*s, share));
        }
    }
    best
}

/// The panel table (see [`TableName::Panel`]) of panel rows.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables::{self, TableName, Values};
///
/// let portfolio = ssr_model::samples::portfolio();
/// let t = tables::panel(&Scorer::default().panel(&portfolio, 2019..=2021));
/// assert_eq!(t.name(), TableName::Panel);
/// assert_eq!(t.rows(), 3 * portfolio.programmes.len());
/// let Some(Values::Integer(years)) = t.column("year").map(|c| c.values()) else { unreachable!() };
/// assert_eq!(years[0], Some(2019));
/// ```
pub fn panel(rows: &[PanelRow]) -> Table {
    let mut t = Table::empty(TableName::Panel);
    for r in rows {
        let main = main_recipient(&r.recipients);
        t.push([
            Cell::code(Some(r.programme)),
            Cell::Text(r.name.clone()),
            Cell::Integer(i64::from(r.year)),
            Cell::Date(r.as_of),
            recipients(&r.recipients),
            Cell::code(main.map(|(s, _)| s.place)),
            Cell::code(main.map(|(s, _)| place_kind(s.place))),
            Cell::float(main.map(|(_, x)| x)),
            Cell::float(r.composite),
            Cell::integer(r.rank.map(i64::from)),
            Cell::float(r.rank_p05),
            Cell::float(r.rank_p95),
            Cell::code(r.not_ranked),
            Cell::float(r.change),
            Cell::float(r.progress),
            Cell::Float(r.coverage),
            Cell::float(r.output_progress),
            Cell::float(r.outcome_progress),
            Cell::float(r.impact_progress),
            Cell::float(r.raw.evaluation),
            Cell::float(r.raw.risk),
            Cell::float(r.raw.resistance),
            Cell::float(r.raw.inclusion),
            Cell::float(r.raw.finance),
            Cell::count(r.on_track),
            Cell::count(r.at_risk),
            Cell::count(r.off_track),
            Cell::count(r.interim),
            Cell::count(r.no_data),
            Cell::count(r.undated_baselines),
            Cell::code(r.currency),
            Cell::float(r.committed_year),
            Cell::float(r.disbursed_year),
            Cell::float(r.spent_year),
            Cell::float(r.committed),
            Cell::float(r.disbursed),
            Cell::float(r.spent),
            Cell::money(r.ssr_paid_year),
            Cell::text(r.ssr_unknown.as_deref()),
        ]);
    }
    t
}

/// The years of a panel when none are given: from the earliest to the
/// latest year of the portfolio's transactions, else of its programmes'
/// planned start and end dates; `None` when it has neither.
pub(super) fn default_years(portfolio: &Portfolio) -> Option<RangeInclusive<i32>> {
    let years = |dates: &mut dyn Iterator<Item = chrono::NaiveDate>| {
        dates.fold(None, |span: Option<(i32, i32)>, d| {
            let y = d.year();
            Some(span.map_or((y, y), |(a, b)| (a.min(y), b.max(y))))
        })
    };
    let programmes = &portfolio.programmes;
    years(
        &mut programmes
            .iter()
            .flat_map(|p| p.transactions.iter().map(|t| t.date)),
    )
    .or_else(|| {
        years(
            &mut programmes
                .iter()
                .flat_map(|p| [p.planned_start, p.planned_end].into_iter().flatten()),
        )
    })
    .map(|(a, b)| a..=b)
}
