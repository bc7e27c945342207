//! Tidy CSV tables for R and pandas (feature `csv`).
//!
//! Each table is long and tidy: one row per observation, one column per
//! variable, a header row always present (even with no rows), UTF-8,
//! comma-separated, RFC 4180 quoting, empty cells for missing values, dates
//! as `YYYY-MM-DD`, enums as their snake_case names, and money amounts as
//! exact decimals. `pandas.read_csv(path)` and `read.csv(path)` read them
//! without options. Column names are stable: new columns may be added at the
//! end in minor releases, existing ones never renamed or reordered.
//!
//! The programmes, breakdowns, findings, flows and (streamed) scores tables
//! are those of [`crate::tables`], written as CSV; that module has every
//! other table too (stakeholders, transactions, periods, …), as CSV, Arrow
//! and Parquet.
//!
//! | table | one row per | writer | columns |
//! | --- | --- | --- | --- |
//! | programmes | programme | [`write_programmes`] | [`PROGRAMME_COLUMNS`] |
//! | indicators | indicator period (or indicator, when it has none) | [`write_indicators`] | [`INDICATOR_COLUMNS`] |
//! | objectives | objective of a scored programme | [`write_objectives`] | [`OBJECTIVE_COLUMNS`] |
//! | breakdowns | indicator period × breakdown category | [`write_breakdowns`] | [`BREAKDOWN_COLUMNS`] |
//! | findings | finding of validation or import | [`write_findings`] | [`FINDING_COLUMNS`] |
//! | scores | programme × measure of a scorecard | [`write_scores`]; [`write_scorecard`] adds `scale` and `currency` | [`SCORE_COLUMNS`] |
//! | flows | programme × recipient × year × transaction type | [`write_flows`] | [`FLOW_COLUMNS`] |
//!
//! ```
//! use ssr_model::interop::csv;
//! use ssr_model::samples::{Synthetic, synthetic};
//!
//! let portfolio = synthetic(&Synthetic::new(2).with_components(1).with_indicators(1).with_periods(3));
//! let mut out = Vec::new();
//! csv::write_indicators(&mut out, &portfolio)?;
//! let text = String::from_utf8(out)?;
//! assert!(text.starts_with("programme_id,external_id,recipients,component_id,"));
//! assert_eq!(text.lines().count(), 1 + 2 * 3); // header + one row per period
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod breakdowns;
mod findings;
mod flows;
mod indicators;
mod objectives;
mod programmes;
mod scores;

use crate::tables::CsvError;
use std::io::Write;

use serde::Serialize;

pub use breakdowns::{BREAKDOWN_COLUMNS, write_breakdowns};
pub use findings::{FINDING_COLUMNS, write_findings};
pub use flows::{FLOW_COLUMNS, write_flows};
pub use indicators::{INDICATOR_COLUMNS, write_indicators};
pub use objectives::{OBJECTIVE_COLUMNS, write_objectives};
pub use programmes::{PROGRAMME_COLUMNS, write_programmes};
pub use scores::{SCORE_COLUMNS, write_scorecard, write_scores};

/// Writes a header of `columns`, then one record per row. Rows are structs
/// whose fields are the columns, in order (each table's tests check that).
/// Adding a table is a row struct, its column list and one call of this.
fn write_table<W: Write, R: Serialize>(
    writer: W,
    columns: &[&str],
    rows: impl IntoIterator<Item = R>,
) -> Result<(), CsvError> {
    let mut out = header(writer, columns)?;
    for row in rows {
        out.serialize(row)?;
    }
    out.flush()?;
    Ok(())
}

/// A CSV writer on `writer` that has written the header of `columns`.
fn header<W: Write>(writer: W, columns: &[&str]) -> Result<::csv::Writer<W>, CsvError> {
    let mut out = ::csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(writer);
    out.write_record(columns)?;
    Ok(out)
}

/// The header serde derives for a row type: what `columns` must equal.
#[cfg(test)]
fn derived_header<R: Serialize>(row: R) -> String {
    let mut out = ::csv::Writer::from_writer(Vec::new());
    out.serialize(row).unwrap();
    let bytes = out.into_inner().unwrap();
    String::from_utf8(bytes)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_owned()
}
