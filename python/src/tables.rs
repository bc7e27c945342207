//! The crate's tidy tables (`ssr_model::tables`) in Python: as frames, and
//! as CSV or Parquet files in a folder.

use pyo3::prelude::*;
use ssr_model::Finding;
use ssr_model::tables::{Source, Table, TableName, WriteError};

use crate::errors::{Class, Error};
use crate::frames;

/// A table name, or an error listing the valid ones.
pub(crate) fn table_name(name: &str) -> Result<TableName, Error> {
    name.parse::<TableName>().map_err(|_| {
        Error::value(format!(
            "unknown table {name:?}; valid tables: {}",
            names().join(", ")
        ))
    })
}

/// Every table's name, in the crate's order.
pub(crate) fn names() -> Vec<&'static str> {
    TableName::ALL.iter().map(|t| t.as_str()).collect()
}

/// `table` as the frame `to` names (`"pandas"`, `"polars"`, `"arrow"`).
pub(crate) fn to_python(py: Python<'_>, table: &Table, to: &str) -> PyResult<Py<PyAny>> {
    frames::check(to)?;
    let batch = py
        .detach(|| table.to_record_batch())
        .map_err(|e| Error::new(Class::Export, e.to_string()))?;
    let schema = batch.schema();
    frames::to_python(py, vec![batch], schema, to)
}

/// Table `name` of `source`; money of the flows table that no exchange rate
/// converts (kept in its own currency) is announced as an `ssr_model.SsrWarning` (with the
/// count and the first finding), never dropped silently.
pub(crate) fn table(py: Python<'_>, source: &Source<'_>, name: TableName) -> PyResult<Table> {
    let (table, left_out) = py.detach(|| source.table(name));
    warn_left_out(py, &left_out)?;
    Ok(table)
}

/// Announces money the flows table could not convert. Its other findings
/// (`unallocated_money`: money in the rows with an empty recipient) are
/// not warnings here: those rows are in the table for all to see.
pub(crate) fn warn_left_out(py: Python<'_>, left_out: &[Finding]) -> PyResult<()> {
    let left_out: Vec<&Finding> = left_out
        .iter()
        .filter(|f| f.code == ssr_model::diagnostics::Code::NoExchangeRate)
        .collect();
    let Some(first) = left_out.first() else {
        return Ok(());
    };
    let category = py.import("ssr_model._errors")?.getattr("SsrWarning")?;
    let message = std::ffi::CString::new(format!(
        "flows: {} {} not converted for want of an exchange rate (kept in their own currency); the first: {first}",
        left_out.len(),
        if left_out.len() == 1 { "transaction" } else { "transactions" }
    ))
    .unwrap_or_default();
    PyErr::warn(py, &category, &message, 1)
}

/// Where a table must come from when the portfolio alone does not make it.
pub(crate) fn needs_more(name: TableName) -> Error {
    let hint = match name {
        TableName::Findings => "p.validate().table()",
        TableName::Scores => "p.score().table(\"scores\")",
        TableName::ObjectiveScores => "p.score().table(\"objective_scores\")",
        TableName::Coherence => "p.score().table(\"coherence\")",
        TableName::Outliers => "p.score().table(\"outliers\")",
        TableName::Sensitivity => "p.sensitivity()",
        TableName::Panel => "p.panel(years)",
        _ => "p.rank().table()",
    };
    Error::value(format!(
        "the {name} table is not made from the portfolio alone: use {hint}"
    ))
}

/// An export that stopped: the folder or file it is about.
pub(crate) fn write_error(e: &WriteError) -> Error {
    let message = match e {
        WriteError::Exists { .. } => format!("{e} (overwrite=True replaces)"),
        _ => e.to_string(),
    };
    Error::new(Class::Export, message).in_file(e.file().display().to_string())
}
