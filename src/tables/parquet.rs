//! Tables as Parquet files (feature `parquet`): the Arrow schema of
//! [`schema`](super::schema), snappy-compressed.

use std::io::Write;
use std::sync::Arc;

use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::{ArrowError, Table, TableName, schema};

/// How every Parquet file of the crate is written: snappy-compressed.
pub(super) fn properties() -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build()
}

/// A table could not be written as Parquet.
///
/// ```
/// use ssr_model::tables;
/// use ssr_model::Scorer;
/// use ssr_model::tables::{Source, Table, TableName};
///
/// let t = Source::new(&ssr_model::samples::portfolio(), &Scorer::default()).table(TableName::Budgets).0;
/// let result: Result<(), tables::ParquetError> = tables::write_parquet(Vec::new(), &t);
/// assert!(result.is_ok());
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ParquetError {
    /// The table could not become an Arrow batch.
    #[error(transparent)]
    Arrow(#[from] ArrowError),
    /// The Parquet writer failed (including I/O).
    #[error("cannot write the Parquet file: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    /// A table of another name was given to a writer.
    #[error("a {given} table given to the Parquet writer of {expected}")]
    OtherTable {
        /// The writer's table.
        expected: TableName,
        /// The table given.
        given: TableName,
    },
}

/// Writes tables of one kind as one Parquet file, a row group per batch
/// written, so a table made in batches
/// ([`score_batches`](super::score_batches)) streams.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables;
/// use ssr_model::tables::{ParquetTableWriter, TableName};
///
/// let card = Scorer::default().scorecard(&ssr_model::samples::portfolio());
/// let mut parquet = ParquetTableWriter::new(Vec::new(), TableName::Scores)?;
/// tables::score_batches(&card, 256, |_| true, |batch| parquet.write(&batch))?;
/// let bytes = parquet.finish()?;
/// assert!(bytes.starts_with(b"PAR1"));
/// # Ok::<(), ssr_model::tables::ParquetError>(())
/// ```
pub struct ParquetTableWriter<W: Write + Send> {
    name: TableName,
    out: ArrowWriter<W>,
}

impl<W: Write + Send> ParquetTableWriter<W> {
    /// A writer of table `name` on `writer`.
    ///
    /// ```
    /// use ssr_model::tables::{ParquetTableWriter, TableName};
    ///
    /// let empty = ParquetTableWriter::new(Vec::new(), TableName::Ranks)?.finish()?;
    /// assert!(empty.ends_with(b"PAR1"));
    /// # Ok::<(), ssr_model::tables::ParquetError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the writer cannot start.
    pub fn new(writer: W, name: TableName) -> Result<Self, ParquetError> {
        let out = ArrowWriter::try_new(writer, Arc::new(schema(name)), Some(properties()))?;
        Ok(ParquetTableWriter { name, out })
    }

    /// Appends the rows of `table`.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::tables::{ParquetTableWriter, Source, Table, TableName};
    ///
    /// let t = Source::new(&ssr_model::samples::portfolio(), &Scorer::default()).table(TableName::Components).0;
    /// let mut parquet = ParquetTableWriter::new(Vec::new(), TableName::Components)?;
    /// parquet.write(&t)?;
    /// assert!(parquet.write(&Table::empty(TableName::Budgets)).is_err());
    /// # Ok::<(), ssr_model::tables::ParquetError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `table` is another table, cannot become an Arrow batch, or
    /// writing fails.
    pub fn write(&mut self, table: &Table) -> Result<(), ParquetError> {
        if table.name() != self.name {
            return Err(ParquetError::OtherTable {
                expected: self.name,
                given: table.name(),
            });
        }
        self.out.write(&table.to_record_batch()?)?;
        Ok(())
    }

    /// Writes the file's footer and returns the writer.
    ///
    /// ```
    /// use ssr_model::tables::{ParquetTableWriter, TableName};
    ///
    /// let bytes = ParquetTableWriter::new(Vec::new(), TableName::Findings)?.finish()?;
    /// assert!(bytes.starts_with(b"PAR1"));
    /// # Ok::<(), ssr_model::tables::ParquetError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When writing fails.
    pub fn finish(self) -> Result<W, ParquetError> {
        Ok(self.out.into_inner()?)
    }
}

/// Writes `table` as one Parquet file.
///
/// ```
/// use ssr_model::tables;
/// use ssr_model::Scorer;
/// use ssr_model::tables::{Source, Table, TableName};
///
/// let t = Source::new(&ssr_model::samples::portfolio(), &Scorer::default()).table(TableName::Transactions).0;
/// let mut out = Vec::new();
/// tables::write_parquet(&mut out, &t)?;
/// assert!(out.starts_with(b"PAR1"));
/// # Ok::<(), ssr_model::tables::ParquetError>(())
/// ```
///
/// # Errors
///
/// When the table cannot become an Arrow batch or writing fails.
pub fn write_parquet<W: Write + Send>(writer: W, table: &Table) -> Result<(), ParquetError> {
    let mut out = ParquetTableWriter::new(writer, table.name())?;
    out.write(table)?;
    out.finish()?;
    Ok(())
}
