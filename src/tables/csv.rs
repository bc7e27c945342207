//! Tables as CSV: the format of [`crate::interop::csv`] (a header always,
//! empty cells for unknown values, dates `YYYY-MM-DD`, money as exact
//! decimals).

use std::io::Write;

use serde::ser::{Serialize, SerializeSeq, Serializer};

use super::table::CellRef;
use super::{Table, TableName};

/// A CSV table could not be written.
///
/// ```
/// use std::io;
/// use ssr_model::interop::csv;
/// use ssr_model::tables::CsvError;
///
/// struct Closed;
/// impl io::Write for Closed {
///     fn write(&mut self, _: &[u8]) -> io::Result<usize> {
///         Err(io::Error::new(io::ErrorKind::BrokenPipe, "the reader went away"))
///     }
///     fn flush(&mut self) -> io::Result<()> {
///         Ok(())
///     }
/// }
///
/// let err: CsvError = csv::write_programmes(Closed, &ssr_model::samples::portfolio()).unwrap_err();
/// assert!(err.to_string().starts_with("cannot write the CSV table"));
/// assert_eq!(err.io_error_kind(), Some(io::ErrorKind::BrokenPipe));
/// ```
#[derive(Debug, thiserror::Error)]
#[error("cannot write the CSV table: {0}")]
pub struct CsvError(#[from] ::csv::Error);

impl CsvError {
    /// The kind of the I/O error behind this one, if writing failed (as
    /// `serde_json::Error::io_error_kind` gives): a program writing into
    /// a pipe can end quietly on [`BrokenPipe`](std::io::ErrorKind::BrokenPipe).
    pub fn io_error_kind(&self) -> Option<std::io::ErrorKind> {
        match self.0.kind() {
            ::csv::ErrorKind::Io(e) => Some(e.kind()),
            _ => None,
        }
    }
}

impl From<std::io::Error> for CsvError {
    fn from(e: std::io::Error) -> Self {
        CsvError(e.into())
    }
}

/// Writes tables of one kind as one CSV file: the header once, then the
/// rows of every table (batch) given, so a table made in batches
/// ([`score_batches`](super::score_batches)) streams.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables;
/// use ssr_model::tables::{CsvTableWriter, TableName};
///
/// let card = Scorer::default().scorecard(&ssr_model::samples::portfolio());
/// let mut csv = CsvTableWriter::new(Vec::new(), TableName::Scores)?;
/// tables::score_batches(&card, 64, |_| true, |batch| csv.write(&batch))?;
/// let text = String::from_utf8(csv.finish()?)?;
/// assert_eq!(text.lines().count(), 1 + card.rows().len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct CsvTableWriter<W: Write> {
    name: TableName,
    out: ::csv::Writer<W>,
}

impl<W: Write> CsvTableWriter<W> {
    /// A writer of table `name` on `writer`, which has written the header.
    ///
    /// ```
    /// use ssr_model::tables::{CsvTableWriter, TableName};
    ///
    /// let csv = CsvTableWriter::new(Vec::new(), TableName::Findings)?;
    /// assert_eq!(csv.finish()?, b"code,severity,path,message,help\n");
    /// # Ok::<(), ssr_model::tables::CsvError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When writing fails.
    pub fn new(writer: W, name: TableName) -> Result<Self, CsvError> {
        let mut out = ::csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(writer);
        out.write_record(name.columns().iter().map(|c| c.name))?;
        Ok(CsvTableWriter { name, out })
    }

    /// Appends the rows of `table`.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::tables::{CsvTableWriter, Source, Table, TableName};
    ///
    /// let portfolio = ssr_model::samples::portfolio();
    /// let t = Source::new(&portfolio, &Scorer::default()).table(TableName::Recipients).0;
    /// let mut csv = CsvTableWriter::new(Vec::new(), TableName::Recipients)?;
    /// csv.write(&t)?;
    /// assert_eq!(String::from_utf8(csv.finish()?)?.lines().count(), 1 + t.rows());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When writing fails, or `table` is not a table of this writer's name.
    pub fn write(&mut self, table: &Table) -> Result<(), CsvError> {
        if table.name() != self.name {
            return Err(CsvError::from(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!(
                    "a {} table given to the writer of {}",
                    table.name(),
                    self.name
                ),
            )));
        }
        for row in 0..table.rows() {
            self.out.serialize(RowSer { table, row })?;
        }
        Ok(())
    }

    /// Flushes and returns the writer.
    ///
    /// ```
    /// use ssr_model::tables::{CsvTableWriter, TableName};
    ///
    /// let out = CsvTableWriter::new(Vec::new(), TableName::Ranks)?.finish()?;
    /// assert!(out.starts_with(b"programme_id,programme_name,rank,"));
    /// # Ok::<(), ssr_model::tables::CsvError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When flushing fails.
    pub fn finish(self) -> Result<W, CsvError> {
        self.out
            .into_inner()
            // The I/O error itself, so that its kind (a closed pipe, say)
            // reaches the caller.
            .map_err(|e| CsvError::from(e.into_error()))
    }
}

/// Writes `table` as one CSV file.
///
/// ```
/// use ssr_model::tables;
/// use ssr_model::Scorer;
/// use ssr_model::tables::{Source, Table, TableName};
///
/// let t = Source::new(&ssr_model::samples::portfolio(), &Scorer::default()).table(TableName::Budgets).0;
/// let mut out = Vec::new();
/// tables::write_csv(&mut out, &t)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.starts_with("programme_id,budget,kind,status,period_start,"));
/// assert_eq!(text.lines().count(), 1 + t.rows());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// When writing fails.
pub fn write_csv<W: Write>(writer: W, table: &Table) -> Result<(), CsvError> {
    let mut csv = CsvTableWriter::new(writer, table.name())?;
    csv.write(table)?;
    csv.finish()?;
    Ok(())
}

/// One row of a table, serialised as a record: each cell as the derived
/// row structs of the CSV module serialised it (floats as `ryu` writes
/// them, unknown as an empty cell).
struct RowSer<'a> {
    table: &'a Table,
    row: usize,
}

impl Serialize for RowSer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let columns = self.table.columns();
        let mut seq = s.serialize_seq(Some(columns.len()))?;
        for c in columns {
            match c.values().get(self.row) {
                Some(CellRef::Text(x)) => seq.serialize_element(x)?,
                Some(CellRef::Integer(x)) => seq.serialize_element(&x)?,
                Some(CellRef::Float(x)) => seq.serialize_element(&x)?,
                Some(CellRef::Date(x)) => seq.serialize_element(&x)?,
                Some(CellRef::Money(x)) => seq.serialize_element(&x)?,
                Some(CellRef::Boolean(x)) => seq.serialize_element(&x)?,
                // Past the end cannot happen (every column has a value per
                // row: `Table::push`); written as unknown, never as a value.
                Some(CellRef::Null) | None => seq.serialize_element(&None::<()>)?,
            }
        }
        seq.end()
    }
}
