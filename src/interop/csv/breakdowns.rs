//! The breakdowns table: one row per indicator, period, dimension and
//! category, with the category's baseline, target and actual.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::{ComponentId, IndicatorId, Measure, Portfolio, ProgrammeId, ResultLevel};

use super::indicators::split;
use super::{CsvError, write_table};

/// The columns of the breakdowns table, in order. Values have a number and
/// a label column, as in the indicators table.
///
/// | column | meaning |
/// | --- | --- |
/// | `programme_id`, `external_id` | the programme |
/// | `component_id`, `indicator_id`, `indicator_title`, `level`, `measure` | the indicator |
/// | `period_start`, `period_end` | the period |
/// | `dimension`, `category` | e.g. `sex`, `female` |
/// | `baseline`, `baseline_label` | the category's baseline, when recorded |
/// | `target`, `target_label` | the category's target |
/// | `actual`, `actual_label` | the category's actual |
/// | `period_target`, `period_actual` | the period's totals (numbers), to compare with |
/// | `additive` | `true` or `false` as the breakdown declares it, empty when it does not |
pub const BREAKDOWN_COLUMNS: &[&str] = &[
    "programme_id",
    "external_id",
    "component_id",
    "indicator_id",
    "indicator_title",
    "level",
    "measure",
    "period_start",
    "period_end",
    "dimension",
    "category",
    "baseline",
    "baseline_label",
    "target",
    "target_label",
    "actual",
    "actual_label",
    "period_target",
    "period_actual",
    "additive",
];

#[derive(Serialize)]
struct Row<'a> {
    programme_id: ProgrammeId,
    external_id: Option<&'a str>,
    component_id: ComponentId,
    indicator_id: IndicatorId,
    indicator_title: &'a str,
    level: ResultLevel,
    measure: Measure,
    period_start: NaiveDate,
    period_end: NaiveDate,
    dimension: &'a str,
    category: &'a str,
    baseline: Option<f64>,
    baseline_label: Option<&'a str>,
    target: Option<f64>,
    target_label: Option<&'a str>,
    actual: Option<f64>,
    actual_label: Option<&'a str>,
    period_target: Option<f64>,
    period_actual: Option<f64>,
    additive: Option<bool>,
}

fn rows(portfolio: &Portfolio) -> impl Iterator<Item = Row<'_>> {
    portfolio.programmes.iter().flat_map(|p| {
        p.components.iter().flat_map(move |c| {
            c.indicators.iter().flat_map(move |i| {
                i.periods.iter().flat_map(move |period| {
                    period.breakdowns.iter().map(move |b| {
                        let (baseline, baseline_label) = split(b.baseline.as_ref());
                        let (target, target_label) = split(b.target.as_ref());
                        let (actual, actual_label) = split(b.actual.as_ref());
                        Row {
                            programme_id: p.id,
                            external_id: p.external_id.as_deref(),
                            component_id: c.id,
                            indicator_id: i.id,
                            indicator_title: &i.title,
                            level: i.level,
                            measure: i.measure,
                            period_start: period.start,
                            period_end: period.end,
                            dimension: &b.dimension,
                            category: &b.category,
                            baseline,
                            baseline_label,
                            target,
                            target_label,
                            actual,
                            actual_label,
                            period_target: period.target.as_ref().and_then(|v| v.as_number()),
                            period_actual: period.actual.as_ref().and_then(|v| v.as_number()),
                            additive: b.additive,
                        }
                    })
                })
            })
        })
    })
}

/// Writes the breakdowns table of `portfolio` (see [`BREAKDOWN_COLUMNS`]).
///
/// ```
/// use ssr_model::interop::csv::write_breakdowns;
/// use ssr_model::samples;
///
/// let portfolio = samples::portfolio();
/// let mut out = Vec::new();
/// write_breakdowns(&mut out, &portfolio)?;
/// let text = String::from_utf8(out)?;
/// let breakdowns = portfolio.programmes.iter()
///     .flat_map(|p| p.indicators())
///     .flat_map(|i| &i.periods)
///     .map(|p| p.breakdowns.len())
///     .sum::<usize>();
/// assert_eq!(text.lines().count(), 1 + breakdowns);
/// assert!(text.lines().skip(1).any(|l| l.contains(",sex,female,")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// When writing fails.
pub fn write_breakdowns<W: Write>(writer: W, portfolio: &Portfolio) -> Result<(), CsvError> {
    write_table(writer, BREAKDOWN_COLUMNS, rows(portfolio))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_match_the_row_fields() {
        let portfolio = crate::samples::portfolio();
        let first = rows(&portfolio).next().unwrap();
        assert_eq!(
            super::super::derived_header(first),
            BREAKDOWN_COLUMNS.join(",")
        );
    }
}
