//! Tables as CSV, tidy for R and pandas: a header always (even with no
//! rows), UTF-8, comma-separated, RFC 4180 quoting, empty cells for unknown
//! values, dates `YYYY-MM-DD`, codes as their snake_case names, money as
//! exact decimals. `pandas.read_csv(path)` and `read.csv(path)` read them
//! without options.

use std::io::Write;

use serde::ser::{Serialize, SerializeSeq, Serializer};

use super::table::CellRef;
use super::{Table, TableName};
use crate::score::{RowKind, Scorecard};

/// A CSV table could not be written.
///
/// ```
/// use std::io;
/// use ssr_model::tables::{self, CsvError, Source, TableName};
/// use ssr_model::Scorer;
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
/// let portfolio = ssr_model::samples::portfolio();
/// let scorer = Scorer::default();
/// let err: CsvError = Source::new(&portfolio, &scorer).write_csv(Closed, TableName::Programmes).unwrap_err();
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

/// Writes the scores table (see [`TableName::Scores`]) of the card's rows
/// whose kind `keep` accepts, as CSV. Streamed: rows are borrowed from
/// the card and written in batches ([`score_batches`](super::score_batches)),
/// so memory does not grow with the number of rows.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::score::RowKind;
/// use ssr_model::tables::write_scores_csv;
/// use ssr_model::samples::{Synthetic, synthetic};
///
/// let portfolio = synthetic(&Synthetic::new(3).with_components(2).with_indicators(2).with_periods(3));
/// let card = Scorer::default().scorecard(&portfolio);
/// let mut out = Vec::new();
/// write_scores_csv(&mut out, &card, |kind| kind == RowKind::Composite)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.starts_with(
///     "programme_id,programme_name,measure,subject_kind,subject_id,subject,year,dimension,\
///      breakdown,category,value,not_ranked,scale,currency\n"
/// ));
/// assert_eq!(text.lines().count(), 1 + 3); // the header and a composite per programme
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// When writing fails.
pub fn write_scores_csv<W: Write>(
    writer: W,
    card: &Scorecard,
    keep: impl Fn(RowKind) -> bool,
) -> Result<(), CsvError> {
    let mut out = CsvTableWriter::new(writer, TableName::Scores)?;
    super::score_batches(card, SCORE_BATCH_ROWS, keep, |batch| out.write(&batch))?;
    out.finish()?;
    Ok(())
}

/// The most rows of scores [`write_scores_csv`] holds at once.
const SCORE_BATCH_ROWS: usize = 256;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples::{Synthetic, synthetic};
    use crate::score::Scorer;

    /// The streamed scores CSV is the whole table's CSV, line for line,
    /// whatever the batch boundaries.
    #[test]
    fn streamed_scores_equal_the_whole_table() {
        let p = synthetic(&Synthetic::new(30).with_components(2).with_indicators(2));
        let card = Scorer::default().scorecard(&p);
        let whole = super::super::scores(&card);
        assert!(whole.rows() > SCORE_BATCH_ROWS);
        let mut streamed = Vec::new();
        write_scores_csv(&mut streamed, &card, |_| true).unwrap();
        let mut collected = Vec::new();
        write_csv(&mut collected, &whole).unwrap();
        assert_eq!(streamed, collected);
    }
}
