//! The breakdowns table: one row per indicator, period, dimension and
//! category, with the category's baseline, target and actual.

use std::io::Write;

use crate::Portfolio;
use crate::tables::{self, TableName};

use super::CsvError;

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
pub const BREAKDOWN_COLUMNS: &[&str] = &tables::column_names::<
    { TableName::Breakdowns.columns().len() },
>(TableName::Breakdowns.columns());

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
    tables::write_csv(
        writer,
        &tables::portfolio_table(portfolio, TableName::Breakdowns),
    )
}
