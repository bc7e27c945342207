//! The crate's tidy tables (`ssr_model::tables`) in Python: as frames, and
//! as CSV or Parquet files in a folder.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use pyo3::prelude::*;
use ssr_model::Portfolio;
use ssr_model::diagnostics::ValidationPolicy;
use ssr_model::tables;
use ssr_model::tables::{Table, TableName};
use ssr_model::{Finding, validate};
use ssr_model::{Scorecard, Scorer};

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

/// The flows table of `portfolio` under `scorer`; money no exchange rate
/// converts (kept in its own currency) is announced as an
/// `ssr_model.SsrWarning` (with the count and the first finding).
pub(crate) fn flows(py: Python<'_>, portfolio: &Portfolio, scorer: &Scorer) -> PyResult<Table> {
    let (table, left_out) = py.detach(|| tables::flows(portfolio, scorer));
    warn_left_out(py, &left_out)?;
    Ok(table)
}

/// Announces money the flows table could not convert.
pub(crate) fn warn_left_out(py: Python<'_>, left_out: &[Finding]) -> PyResult<()> {
    let Some(first) = left_out.first() else {
        return Ok(());
    };
    let category = py.import("ssr_model._errors")?.getattr("SsrWarning")?;
    let message = std::ffi::CString::new(format!(
        "flows: {} transaction(s) not converted for want of an exchange rate (kept in their own currency); the first: {first}",
        left_out.len()
    ))
    .unwrap_or_default();
    PyErr::warn(py, &category, &message, 1)
}

/// Where a table must come from when the portfolio alone does not make it.
pub(crate) fn needs_more(name: TableName) -> Error {
    let hint = match name {
        TableName::Findings => "p.validate().table()",
        TableName::Scores => "p.score().table(\"scores\")",
        _ => "p.rank().table()",
    };
    Error::value(format!(
        "the {name} table is not made from the portfolio alone: use {hint}"
    ))
}

/// The file format of [`Export::write_all`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// CSV: a header row, empty cells for unknown values.
    Csv,
    /// Parquet (snappy): dates as dates, money as decimal(19, 4), codes as
    /// dictionary strings.
    Parquet,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }
}

/// What [`Export::write_all`] wrote, and what it left out.
pub(crate) struct Written {
    /// Each table and its file, in the order written.
    pub(crate) files: Vec<(TableName, PathBuf)>,
    /// Money the flows table left out for want of an exchange rate.
    pub(crate) left_out: Vec<Finding>,
}

/// What [`Export::write_all`] computes the tables from.
pub(crate) struct Export<'a> {
    /// The portfolio.
    pub(crate) portfolio: &'a Portfolio,
    /// Scores, ranks and flows are computed by this scorer.
    pub(crate) scorer: &'a Scorer,
    /// Findings are computed under this policy.
    pub(crate) validation: &'a ValidationPolicy,
}

impl Export<'_> {
    /// Table `name`, the scorecard computed once for scores and ranks. As
    /// in `ssr export`, the scores table is the plain scorecard's, and the
    /// rank Monte Carlo runs only for the ranks table.
    fn table(
        &self,
        name: TableName,
        card: &mut Option<Scorecard>,
        left_out: &mut Vec<Finding>,
    ) -> Result<Table, Error> {
        let scored = |card: &'_ mut Option<Scorecard>| -> Scorecard {
            card.get_or_insert_with(|| self.scorer.scorecard(self.portfolio))
                .clone()
        };
        Ok(match name {
            TableName::Findings => {
                tables::findings(&validate::validate(self.portfolio, self.validation))
            }
            TableName::Scores => tables::scores(&scored(card)),
            TableName::Ranks => {
                let card = scored(card);
                let ranks = self.scorer.rank_uncertainty(&card);
                let card = card
                    .with_uncertainty(ranks)
                    .map_err(|e| Error::scoring_policy(&e, None))?;
                tables::ranks(&card)
            }
            TableName::Flows => {
                let (table, mut findings) = tables::flows(self.portfolio, self.scorer);
                left_out.append(&mut findings);
                table
            }
            other => {
                Table::from_portfolio(self.portfolio, other).ok_or_else(|| needs_more(other))?
            }
        })
    }

    /// Writes tables `names` into `folder` (created when missing), one
    /// `NAME.csv` or `NAME.parquet` each, and returns the files written
    /// and the money the flows table left out for want of a rate.
    pub(crate) fn write_all(
        &self,
        folder: &Path,
        names: &[TableName],
        format: Format,
    ) -> Result<Written, Error> {
        std::fs::create_dir_all(folder).map_err(|e| {
            let name = folder.display().to_string();
            Error::new(
                Class::Export,
                format!("cannot create the folder {name}: {e}"),
            )
            .in_file(name)
        })?;
        let mut card = None;
        let mut written = Vec::with_capacity(names.len());
        let mut left_out = Vec::new();
        for &name in names {
            let table = self.table(name, &mut card, &mut left_out)?;
            let path = folder.join(format!("{name}.{}", format.extension()));
            write(&path, &table, format)?;
            written.push((name, path));
        }
        Ok(Written {
            files: written,
            left_out,
        })
    }
}

/// Writes one table to `path`.
fn write(path: &Path, table: &Table, format: Format) -> Result<(), Error> {
    let file_name = path.display().to_string();
    let fail = |e: &dyn std::fmt::Display| {
        Error::new(Class::Export, format!("cannot write {file_name}: {e}")).in_file(&file_name)
    };
    let file = File::create(path).map_err(|e| fail(&e))?;
    let mut out = BufWriter::new(file);
    match format {
        Format::Csv => tables::write_csv(&mut out, table).map_err(|e| fail(&e))?,
        Format::Parquet => tables::write_parquet(&mut out, table).map_err(|e| fail(&e))?,
    }
    // Flushed here, not on drop, so that a full disk is an error.
    out.flush().map_err(|e| fail(&e))
}
