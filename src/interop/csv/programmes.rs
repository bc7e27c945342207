//! The programmes table: one row per programme.

use std::io::Write;

use crate::Portfolio;
use crate::tables::{self, TableName};

use super::CsvError;

/// The columns of the programmes table, in order:
///
/// | column | meaning |
/// | --- | --- |
/// | `programme_id` | the programme's UUID |
/// | `external_id` | e.g. the IATI activity identifier |
/// | `name` | |
/// | `country` | ISO 3166-1 alpha-3 code, when the programme has exactly one recipient and it is a country; else empty |
/// | `country_name` | its English name |
/// | `recipients` | every recipient country (alpha-3) and region (IATI Region code), `;`-separated, each with `:percentage` when stated (`MLI:40;289:60`) |
/// | `context` | `peace_operation`, `civil_military_operation`, `military_diplomacy`, `development_cooperation` |
/// | `phase` | `assessment`, `design`, `implementation`, `review`, `closed`, `cancelled`, `suspended` |
/// | `planned_start`, `planned_end`, `actual_start`, `actual_end` | `YYYY-MM-DD` |
/// | `budget_amount`, `budget_currency` | exact decimal and ISO 4217 code |
/// | `main_sector` | the DAC code of largest share (the first on ties) |
/// | `dac_sectors` | every DAC code, `;`-separated, in order |
/// | `gender_marker` | `not_targeted`, `significant`, `principal` |
/// | `components`, `indicators`, `stakeholders`, `funding_sources`, `challenges`, `evaluations` | counts |
/// | `description` | the programme's description |
/// | `objectives`, `transactions`, `budgets` | counts |
///
/// The columns are those of [`TableName::Programmes`], whose
/// [`columns`](TableName::columns) give each one's kind and meaning.
pub const PROGRAMME_COLUMNS: &[&str] = &tables::column_names::<
    { TableName::Programmes.columns().len() },
>(TableName::Programmes.columns());

/// Writes the programmes table of `portfolio` (see [`PROGRAMME_COLUMNS`]):
/// [`TableName::Programmes`] as CSV.
///
/// ```
/// use ssr_model::interop::csv::{PROGRAMME_COLUMNS, write_programmes};
///
/// let portfolio = ssr_model::samples::portfolio();
/// let mut out = Vec::new();
/// write_programmes(&mut out, &portfolio)?;
/// let text = String::from_utf8(out)?;
/// assert_eq!(text.lines().next(), Some(PROGRAMME_COLUMNS.join(",").as_str()));
/// assert_eq!(text.lines().count(), 1 + portfolio.programmes.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// When writing fails.
///
/// # Examples
///
/// ```
/// use ssr_model::interop::csv;
/// use ssr_model::interop::csv::PROGRAMME_COLUMNS;
///
/// let portfolio = ssr_model::samples::portfolio();
/// let mut out = Vec::new();
/// csv::write_programmes(&mut out, &portfolio)?;
/// let text = String::from_utf8(out)?;
/// let mut lines = text.lines();
/// assert_eq!(lines.next(), Some(PROGRAMME_COLUMNS.join(",").as_str()));
/// assert_eq!(lines.count(), portfolio.programmes.len()); // one row per programme
/// assert!(text.contains(",LBR,Liberia,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_programmes<W: Write>(writer: W, portfolio: &Portfolio) -> Result<(), CsvError> {
    tables::write_csv(
        writer,
        &tables::portfolio_table(portfolio, TableName::Programmes),
    )
}
