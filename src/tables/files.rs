//! Tables written to files, one per table, in CSV or Parquet, and one CSV
//! table to any writer: the scores table in batches, so memory holds one
//! batch of it.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::diagnostics::Finding;

use super::source::Source;
use super::{Table, TableName};

#[cfg(feature = "csv")]
use super::csv::{CsvError, CsvTableWriter};
#[cfg(feature = "parquet")]
use super::parquet::ParquetTableWriter;

/// The file format of [`Source::write_all`].
///
/// ```
/// use ssr_model::tables::Format;
///
/// assert_eq!(Format::Parquet.extension(), "parquet");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// CSV: a header row, empty cells for unknown values, money as exact
    /// decimals.
    #[cfg(feature = "csv")]
    Csv,
    /// Parquet (snappy): dates as dates, money as decimal(18, 4) beside a
    /// currency column, codes as dictionary strings.
    #[cfg(feature = "parquet")]
    Parquet,
}

impl Format {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            #[cfg(feature = "csv")]
            Format::Csv => "csv",
            #[cfg(feature = "parquet")]
            Format::Parquet => "parquet",
        }
    }
}

/// What [`Source::write_all`] wrote, and the findings made while building
/// the tables (see [`Source::table`]).
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables::{Format, Source, TableName};
///
/// let dir = std::env::temp_dir().join(format!("ssr-model-doc-written-{}", std::process::id()));
/// let portfolio = ssr_model::samples::portfolio();
/// let scorer = Scorer::default();
/// let written = Source::new(&portfolio, &scorer).write_all(&dir, &[TableName::Flows], Format::Csv)?;
/// assert_eq!(written.files.len(), 1);
/// // The sample's money is in one currency per programme: nothing left out.
/// assert!(written.left_out.is_empty());
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Written {
    /// Each table and its file, in the order written.
    pub files: Vec<(TableName, PathBuf)>,
    /// The money the flows table left out for want of an exchange rate.
    pub left_out: Vec<Finding>,
}

/// Why [`Source::write_all`] stopped.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables::{Format, Source, TableName, WriteError};
///
/// let dir = std::env::temp_dir().join("ssr-model-doc-write-error");
/// std::fs::write(&dir, "a file, not a folder").unwrap();
/// let portfolio = ssr_model::samples::portfolio();
/// let scorer = Scorer::default();
/// let e = Source::new(&portfolio, &scorer).write_all(&dir, &[TableName::Programmes], Format::Csv).unwrap_err();
/// assert!(matches!(e, WriteError::Folder { .. }));
/// assert_eq!(e.file(), dir.as_path());
/// # std::fs::remove_file(&dir).unwrap();
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// The folder could not be created.
    #[error("{}: cannot create the folder: {source}", dir.display())]
    Folder {
        /// The folder.
        dir: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file could not be created or written.
    #[error("{}: cannot write: {source}", file.display())]
    File {
        /// The file.
        file: PathBuf,
        /// Why.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl WriteError {
    /// The folder or file the error is about.
    pub fn file(&self) -> &Path {
        match self {
            WriteError::Folder { dir, .. } => dir,
            WriteError::File { file, .. } => file,
        }
    }
}

/// An open table file.
enum TableFile {
    #[cfg(feature = "csv")]
    Csv(CsvTableWriter<BufWriter<File>>),
    #[cfg(feature = "parquet")]
    Parquet(ParquetTableWriter<BufWriter<File>>),
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

impl TableFile {
    fn create(path: &Path, name: TableName, format: Format) -> Result<Self, BoxError> {
        let file = BufWriter::new(File::create(path)?);
        Ok(match format {
            #[cfg(feature = "csv")]
            Format::Csv => TableFile::Csv(CsvTableWriter::new(file, name)?),
            #[cfg(feature = "parquet")]
            Format::Parquet => TableFile::Parquet(ParquetTableWriter::new(file, name)?),
        })
    }

    fn write(&mut self, table: &Table) -> Result<(), BoxError> {
        match self {
            #[cfg(feature = "csv")]
            TableFile::Csv(w) => w.write(table)?,
            #[cfg(feature = "parquet")]
            TableFile::Parquet(w) => w.write(table)?,
        }
        Ok(())
    }

    /// Finishes the file and flushes it here, not on drop, so that a full
    /// disk is an error.
    fn finish(self) -> Result<(), BoxError> {
        let mut out = match self {
            #[cfg(feature = "csv")]
            TableFile::Csv(w) => w.finish()?,
            #[cfg(feature = "parquet")]
            TableFile::Parquet(w) => w.finish()?,
        };
        out.flush()?;
        Ok(())
    }
}

impl Source<'_> {
    /// Writes tables `names` into `dir` (created when missing), one
    /// `NAME.csv` or `NAME.parquet` each, and returns the files written and
    /// the findings made while building the tables.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::tables::{Format, Source, TableName};
    ///
    /// let dir = std::env::temp_dir().join(format!("ssr-model-doc-write-all-{}", std::process::id()));
    /// let portfolio = ssr_model::samples::portfolio();
    /// let scorer = Scorer::default();
    /// let written = Source::new(&portfolio, &scorer).write_all(&dir, &[TableName::Programmes, TableName::Findings], Format::Csv)?;
    /// assert_eq!(written.files[0], (TableName::Programmes, dir.join("programmes.csv")));
    /// assert!(std::fs::read_to_string(dir.join("findings.csv"))?.starts_with("code,severity,path"));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`WriteError`] for the folder or the first file that cannot be
    /// written.
    pub fn write_all(
        &self,
        dir: &Path,
        names: &[TableName],
        format: Format,
    ) -> Result<Written, WriteError> {
        std::fs::create_dir_all(dir).map_err(|source| WriteError::Folder {
            dir: dir.to_path_buf(),
            source,
        })?;
        let mut written = Written {
            files: Vec::with_capacity(names.len()),
            left_out: Vec::new(),
        };
        for &name in names {
            let path = dir.join(format!("{name}.{}", format.extension()));
            let fail = |source| WriteError::File {
                file: path.clone(),
                source,
            };
            let mut file = TableFile::create(&path, name, format).map_err(fail)?;
            let mut left_out = self
                .for_each_batch(name, |batch| file.write(&batch))
                .map_err(fail)?;
            file.finish().map_err(fail)?;
            written.left_out.append(&mut left_out);
            written.files.push((name, path));
        }
        Ok(written)
    }

    /// Writes table `name` as CSV to `out`, and returns the findings made
    /// while building it (see [`table`](Self::table)).
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::tables::{Source, TableName};
    ///
    /// let portfolio = ssr_model::samples::portfolio();
    /// let scorer = Scorer::default();
    /// let mut out = Vec::new();
    /// Source::new(&portfolio, &scorer).write_csv(&mut out, TableName::Scores)?;
    /// assert!(String::from_utf8(out)?.starts_with("programme_id,"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`CsvError`] when `out` fails.
    #[cfg(feature = "csv")]
    pub fn write_csv<W: Write>(&self, out: W, name: TableName) -> Result<Vec<Finding>, CsvError> {
        let mut writer = CsvTableWriter::new(out, name)?;
        let left_out = self.for_each_batch(name, |batch| writer.write(&batch))?;
        writer.finish()?;
        Ok(left_out)
    }
}
