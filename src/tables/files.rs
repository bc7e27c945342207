//! Tables written to files, one per table, in CSV or Parquet, and one CSV
//! table to any writer: the scores table in batches, so memory holds one
//! batch of it.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::diagnostics::Finding;

#[cfg(feature = "parquet")]
use super::atomic::write_folder;
use super::atomic::{BoxError, existing, write_file};
use super::sink::Sink;
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
/// use ssr_model::tables::{Existing, Format, Source, TableName};
///
/// let dir = std::env::temp_dir().join(format!("ssr-model-doc-written-{}", std::process::id()));
/// let portfolio = ssr_model::samples::portfolio();
/// let scorer = Scorer::default();
/// let written = Source::new(&portfolio, &scorer).write_all(&dir, &[TableName::Flows], Format::Csv, Existing::Replace)?;
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
    /// The number of rows of each table, in the same order.
    pub rows: Vec<usize>,
    /// How each table was laid out, in the same order: a table without a
    /// year is one file ([`Partition::None`]) even when partitioning was
    /// asked for.
    pub partitions: Vec<Partition>,
    /// `manifest.csv` in the folder: what this run wrote (`table`, `file`,
    /// `rows`, `format`, `partition`), so tables left from an earlier run
    /// are told apart.
    pub manifest: PathBuf,
    /// The money the flows table left out for want of an exchange rate.
    pub left_out: Vec<Finding>,
}

/// What [`Source::write_all`] does with a table file that already exists.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables::{Existing, Format, Source, TableName, WriteError};
///
/// let dir = std::env::temp_dir().join(format!("ssr-model-doc-existing-{}", std::process::id()));
/// let portfolio = ssr_model::samples::portfolio();
/// let scorer = Scorer::default();
/// let source = Source::new(&portfolio, &scorer);
/// source.write_all(&dir, &[TableName::Programmes], Format::Csv, Existing::Refuse)?;
/// // A second run refuses to replace the table, and writes nothing.
/// let again = source.write_all(&dir, &[TableName::Programmes], Format::Csv, Existing::Refuse);
/// assert!(matches!(again, Err(WriteError::Exists { .. })));
/// // Unless told to.
/// source.write_all(&dir, &[TableName::Programmes], Format::Csv, Existing::Replace)?;
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Existing {
    /// Refuse, before anything is written (the default).
    #[default]
    Refuse,
    /// Replace it, whole, once the new table is complete.
    Replace,
}

/// How [`Source::write_partitioned`] lays out a table.
///
/// ```
/// use ssr_model::tables::Partition;
///
/// assert_eq!(Partition::Year.as_str(), "year");
/// assert_eq!(Partition::default(), Partition::None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Partition {
    /// One file per table, `NAME.parquet`.
    #[default]
    None,
    /// The tables with a year (transactions by their date, budgets by
    /// their period's first day, flows and the panel by their `year`) as a
    /// folder in the Hive layout, one file per year:
    /// `NAME/year=2019/part-0.parquet`, rows of an unknown year under
    /// `year=__HIVE_DEFAULT_PARTITION__` (read back as a null year). A
    /// `year` column is left out of the files, since readers take it from
    /// the folder names. Every other table is one file.
    Year,
}

impl Partition {
    /// The name in the manifest: `none` or `year`.
    pub fn as_str(self) -> &'static str {
        match self {
            Partition::None => "none",
            Partition::Year => "year",
        }
    }

    /// How table `name` is laid out when `self` is asked for.
    fn of(self, name: TableName) -> Partition {
        #[cfg(feature = "parquet")]
        if self == Partition::Year && super::partition::has_year(name) {
            return Partition::Year;
        }
        let _ = name;
        Partition::None
    }
}

/// Why [`Source::write_all`] stopped.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables::{Existing, Format, Source, TableName, WriteError};
///
/// let dir = std::env::temp_dir().join("ssr-model-doc-write-error");
/// std::fs::write(&dir, "a file, not a folder").unwrap();
/// let portfolio = ssr_model::samples::portfolio();
/// let scorer = Scorer::default();
/// let e = Source::new(&portfolio, &scorer)
///     .write_all(&dir, &[TableName::Programmes], Format::Csv, Existing::Refuse)
///     .unwrap_err();
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
    /// A file could not be created or written. Nothing was left under its
    /// name; the tables written before it stay.
    #[error("{}: cannot write: {source}", file.display())]
    File {
        /// The file.
        file: PathBuf,
        /// Why.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The stop flag ([`Source::with_stop`]) was raised (Ctrl-C, say)
    /// while this table was written: nothing was left under its name, the
    /// tables written before it stay, and no manifest was written.
    #[error("{}: interrupted, so the table was not written", file.display())]
    Interrupted {
        /// The table's file or folder.
        file: PathBuf,
    },
    /// Tables of these names already exist and [`Existing::Refuse`] was
    /// asked for; nothing was written.
    #[error(
        "{}: already exists, so nothing was written",
        files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ")
    )]
    Exists {
        /// The existing files.
        files: Vec<PathBuf>,
    },
}

impl WriteError {
    /// The folder or file the error is about.
    pub fn file(&self) -> &Path {
        match self {
            WriteError::Folder { dir, .. } => dir,
            WriteError::File { file, .. } | WriteError::Interrupted { file } => file,
            WriteError::Exists { files } => files.first().map_or(Path::new(""), PathBuf::as_path),
        }
    }
}

/// An open table file.
enum TableFile {
    #[cfg(feature = "csv")]
    Csv(CsvTableWriter<Sink>),
    #[cfg(feature = "parquet")]
    Parquet(ParquetTableWriter<Sink>),
}

impl TableFile {
    fn create(file: BufWriter<File>, name: TableName, format: Format) -> Result<Self, BoxError> {
        let file = Sink::new(file, name);
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

    /// Finishes the table and hands the file back to be flushed and
    /// renamed into place.
    fn finish(self) -> Result<BufWriter<File>, BoxError> {
        let mut sink = match self {
            #[cfg(feature = "csv")]
            TableFile::Csv(w) => w.finish()?,
            #[cfg(feature = "parquet")]
            TableFile::Parquet(w) => w.finish()?,
        };
        // Flushed through the budget, so a full disk shows here too.
        sink.flush()?;
        Ok(sink.into_inner())
    }
}

/// The stop flag ([`Source::with_stop`]) was raised: the table being
/// written was abandoned.
#[derive(Debug, thiserror::Error)]
#[error("stopped")]
struct Stopped;

/// Writes `manifest.csv`: one row per table this run wrote.
fn write_manifest(path: &Path, written: &Written, format: Format) -> Result<(), BoxError> {
    write_file(path, |out| {
        let mut csv = ::csv::Writer::from_writer(out);
        csv.write_record(["table", "file", "rows", "format", "partition"])?;
        let tables = written.files.iter().zip(&written.rows);
        for (((name, file), rows), partition) in tables.zip(&written.partitions) {
            let file = file
                .file_name()
                .map(|f| f.to_string_lossy())
                .unwrap_or_default();
            let rows = rows.to_string();
            let record = [name.as_str(), &file, &rows, format.extension()];
            csv.write_record(record.into_iter().chain([partition.as_str()]))?;
        }
        Ok((csv.into_inner().map_err(|e| e.into_error())?, ()))
    })
}

impl Source<'_> {
    /// Writes tables `names` into `dir` (created when missing), one
    /// `NAME.csv` or `NAME.parquet` each, and `manifest.csv` listing them;
    /// returns the files written and the findings made while building the
    /// tables.
    ///
    /// Each file appears whole or not at all: it is written under a hidden
    /// temporary name and renamed into place when complete, so a full disk
    /// or an interrupted run never leaves a half-written table under its
    /// name, and a symbolic link at a table's name is replaced, not
    /// followed. A table that already exists is replaced only with
    /// [`Existing::Replace`]; with [`Existing::Refuse`] nothing is written.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::tables::{Existing, Format, Source, TableName};
    ///
    /// let dir = std::env::temp_dir().join(format!("ssr-model-doc-write-all-{}", std::process::id()));
    /// let portfolio = ssr_model::samples::portfolio();
    /// let scorer = Scorer::default();
    /// let names = [TableName::Programmes, TableName::Findings];
    /// let written = Source::new(&portfolio, &scorer).write_all(&dir, &names, Format::Csv, Existing::Refuse)?;
    /// assert_eq!(written.files[0], (TableName::Programmes, dir.join("programmes.csv")));
    /// assert_eq!(written.rows[0], portfolio.programmes.len());
    /// assert!(std::fs::read_to_string(dir.join("findings.csv"))?.starts_with("code,severity,path"));
    /// let manifest = std::fs::read_to_string(&written.manifest)?;
    /// assert!(manifest.starts_with("table,file,rows,format,partition\nprogrammes,programmes.csv,"));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`WriteError`] for the folder, tables that exist already, or the
    /// first file that cannot be written.
    pub fn write_all(
        &self,
        dir: &Path,
        names: &[TableName],
        format: Format,
        replace: Existing,
    ) -> Result<Written, WriteError> {
        self.write_tables(dir, names, format, replace, Partition::None)
    }

    /// Writes tables `names` into `dir` as Parquet, as
    /// [`write_all`](Self::write_all) does, with the tables that have a
    /// year partitioned by it when `partition` is [`Partition::Year`]: a
    /// folder `NAME/` in the Hive layout (`NAME/year=2019/part-0.parquet`)
    /// that DuckDB, Polars, Spark and pyarrow read as one table with a
    /// `year` column. Each folder appears whole or not at all, as a file
    /// does; the manifest says which tables were partitioned.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::tables::{Existing, Partition, Source, TableName};
    ///
    /// let dir = std::env::temp_dir().join(format!("ssr-model-doc-partitioned-{}", std::process::id()));
    /// let portfolio = ssr_model::samples::portfolio();
    /// let scorer = Scorer::default();
    /// let names = [TableName::Panel, TableName::Programmes];
    /// let written = Source::new(&portfolio, &scorer).write_partitioned(&dir, &names, Existing::Refuse, Partition::Year)?;
    /// assert_eq!(written.files[0], (TableName::Panel, dir.join("panel")));
    /// assert_eq!(written.partitions, [Partition::Year, Partition::None]);
    /// assert!(dir.join("programmes.parquet").is_file());
    /// // One folder per year of the panel, `year=2019` and so on.
    /// for year in std::fs::read_dir(dir.join("panel"))? {
    ///     let year = year?.path();
    ///     assert!(year.file_name().unwrap().to_string_lossy().starts_with("year="));
    ///     assert!(year.join("part-0.parquet").is_file());
    /// }
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`write_all`](Self::write_all).
    #[cfg(feature = "parquet")]
    pub fn write_partitioned(
        &self,
        dir: &Path,
        names: &[TableName],
        replace: Existing,
        partition: Partition,
    ) -> Result<Written, WriteError> {
        self.write_tables(dir, names, Format::Parquet, replace, partition)
    }

    /// [`write_all`](Self::write_all) and
    /// [`write_partitioned`](Self::write_partitioned).
    fn write_tables(
        &self,
        dir: &Path,
        names: &[TableName],
        format: Format,
        replace: Existing,
        partition: Partition,
    ) -> Result<Written, WriteError> {
        std::fs::create_dir_all(dir).map_err(|source| WriteError::Folder {
            dir: dir.to_path_buf(),
            source,
        })?;
        let path_of = |name: TableName| match partition.of(name) {
            Partition::None => dir.join(format!("{name}.{}", format.extension())),
            Partition::Year => dir.join(name.as_str()),
        };
        if replace == Existing::Refuse {
            let files = existing(names.iter().map(|&n| path_of(n)));
            if !files.is_empty() {
                return Err(WriteError::Exists { files });
            }
        }
        let mut written = Written {
            files: Vec::with_capacity(names.len()),
            rows: Vec::with_capacity(names.len()),
            partitions: Vec::with_capacity(names.len()),
            manifest: dir.join("manifest.csv"),
            left_out: Vec::new(),
        };
        // An earlier run's manifest goes first: if this run fails part-way,
        // no manifest claims tables it replaced.
        if let Err(source) = std::fs::remove_file(&written.manifest)
            && source.kind() != std::io::ErrorKind::NotFound
        {
            return Err(WriteError::File {
                file: written.manifest,
                source: source.into(),
            });
        }
        for &name in names {
            let path = path_of(name);
            let layout = partition.of(name);
            let result = if self.stopped() {
                Err(Stopped.into())
            } else {
                match layout {
                    Partition::None => self.write_table_file(&path, name, format),
                    Partition::Year => self.write_table_folder(&path, name),
                }
            };
            let (rows, mut left_out) = result.map_err(|source| {
                if source.is::<Stopped>() {
                    WriteError::Interrupted { file: path.clone() }
                } else {
                    WriteError::File {
                        file: path.clone(),
                        source,
                    }
                }
            })?;
            written.left_out.append(&mut left_out);
            written.files.push((name, path));
            written.rows.push(rows);
            written.partitions.push(layout);
        }
        write_manifest(&written.manifest, &written, format).map_err(|source| WriteError::File {
            file: written.manifest.clone(),
            source,
        })?;
        Ok(written)
    }

    /// Writes table `name` as one file at `path`; returns its rows and the
    /// findings made while building it. Stops between batches when the
    /// stop flag is raised.
    fn write_table_file(
        &self,
        path: &Path,
        name: TableName,
        format: Format,
    ) -> Result<(usize, Vec<Finding>), BoxError> {
        write_file(path, |out| {
            let mut file = TableFile::create(out, name, format)?;
            let mut rows = 0;
            let left_out = self.for_each_batch(name, |batch| {
                self.check_stop()?;
                rows += batch.rows();
                file.write(&batch)
            })?;
            self.check_stop()?;
            Ok((file.finish()?, (rows, left_out)))
        })
    }

    /// Writes table `name` as a folder at `path`, one file per year.
    #[cfg(feature = "parquet")]
    fn write_table_folder(
        &self,
        path: &Path,
        name: TableName,
    ) -> Result<(usize, Vec<Finding>), BoxError> {
        use super::partition::YearPartitions;
        write_folder(path, |folder| {
            let mut years = YearPartitions::new(folder, name)?;
            let left_out = self.for_each_batch(name, |batch| {
                self.check_stop()?;
                years.write(&batch)
            })?;
            self.check_stop()?;
            let rows = years.finish()?.values().sum();
            Ok((rows, left_out))
        })
    }

    /// Without Parquet no table is partitioned ([`Partition::of`]).
    #[cfg(not(feature = "parquet"))]
    fn write_table_folder(
        &self,
        path: &Path,
        name: TableName,
    ) -> Result<(usize, Vec<Finding>), BoxError> {
        let _ = (path, name);
        Err("partitioned tables need the `parquet` feature".into())
    }

    /// An error when the stop flag is raised.
    fn check_stop(&self) -> Result<(), BoxError> {
        if self.stopped() {
            Err(Stopped.into())
        } else {
            Ok(())
        }
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
