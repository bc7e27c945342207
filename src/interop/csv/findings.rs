//! The findings table: one row per finding of validation or import.

use std::io::Write;

use crate::tables::{self, TableName};
use crate::validate::Finding;

use super::CsvError;

/// The columns of the findings table, in order:
///
/// | column | meaning |
/// | --- | --- |
/// | `code` | the stable snake_case code, e.g. `date_order` or `iati_missing_country` |
/// | `severity` | `error`, `warning` or `advice` |
/// | `path` | a JSON Pointer into the document, or an XPath-like location for IATI import findings |
/// | `message` | what is wrong |
/// | `help` | how to fix it, when there is something specific to say |
pub const FINDING_COLUMNS: &[&str] =
    &tables::column_names::<{ TableName::Findings.columns().len() }>(TableName::Findings.columns());

/// Writes the findings table (see [`FINDING_COLUMNS`]) of anything that
/// gives findings: a validation or import [`Report`](crate::validate::Report)
/// (`&report`), a slice, or a selection such as `report.errors()`.
///
/// ```
/// use ssr_model::interop::csv::write_findings;
/// use ssr_model::diagnostics::Code;
/// use ssr_model::Finding;
///
/// use ssr_model::Report;
///
/// let mut report = Report::new();
/// report.push(Finding::new(Code::EmptyName, "/programmes/0/name", "the name is empty, \"\""));
/// let mut out = Vec::new();
/// write_findings(&mut out, &report)?;
/// assert_eq!(
///     String::from_utf8(out)?,
///     "code,severity,path,message,help\nempty_name,error,/programmes/0/name,\"the name is empty, \"\"\"\"\",\n"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// When writing fails.
pub fn write_findings<'a, W: Write>(
    writer: W,
    findings: impl IntoIterator<Item = &'a Finding>,
) -> Result<(), CsvError> {
    tables::write_csv(writer, &tables::findings(findings))
}
