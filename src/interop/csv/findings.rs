//! The findings table: one row per finding of validation or import.

use std::io::Write;

use serde::Serialize;

use crate::validate::{Code, Finding, Severity};

use super::{CsvError, write_table};

/// The columns of the findings table, in order:
///
/// | column | meaning |
/// | --- | --- |
/// | `code` | the stable snake_case code, e.g. `date_order` or `iati_missing_country` |
/// | `severity` | `error`, `warning` or `advice` |
/// | `path` | a JSON Pointer into the document, or an XPath-like location for IATI import findings |
/// | `message` | what is wrong |
/// | `help` | how to fix it, when there is something specific to say |
pub const FINDING_COLUMNS: &[&str] = &["code", "severity", "path", "message", "help"];

#[derive(Serialize)]
struct Row<'a> {
    code: Code,
    severity: Severity,
    path: &'a str,
    message: &'a str,
    help: Option<&'a str>,
}

fn row(f: &Finding) -> Row<'_> {
    Row {
        code: f.code,
        severity: f.severity,
        path: f.path.as_str(),
        message: &f.message,
        help: f.help.as_deref(),
    }
}

/// Writes the findings table (see [`FINDING_COLUMNS`]) of anything that
/// gives findings: a validation or import [`Report`](crate::validate::Report)
/// (`&report`), a slice, or a selection such as `report.errors()`.
///
/// ```
/// use ssr_model::interop::csv::write_findings;
/// use ssr_model::validate::{Code, Finding};
///
/// use ssr_model::validate::Report;
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
    write_table(writer, FINDING_COLUMNS, findings.into_iter().map(row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_match_the_row_fields() {
        let f = Finding::new(Code::DateOrder, "/", "m");
        assert_eq!(
            super::super::derived_header(row(&f)),
            FINDING_COLUMNS.join(",")
        );
    }
}
