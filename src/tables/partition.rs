//! Parquet tables partitioned by year in the Hive layout
//! (`TABLE/year=2019/part-0.parquet`), which DuckDB, Polars, Spark and
//! pyarrow read as one table with a `year` column taken from the folder
//! names.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::UInt64Array;
use arrow_schema::Schema;
use chrono::Datelike;
use parquet::arrow::ArrowWriter;

use super::atomic::BoxError;
use super::sink::Sink;
use super::{Table, TableName, Values, schema};

/// The folder of rows whose year is unknown: the Hive convention, read
/// back as a null year. Such rows are kept, never dropped.
pub(super) const UNKNOWN_YEAR: &str = "__HIVE_DEFAULT_PARTITION__";

/// Where a table's year comes from: its `year` column (then left out of
/// the files, since readers take it from the folder names, as Hive, Spark
/// and pyarrow write it), or the year of a date column (kept, so the files
/// keep every column and `year` is added beside them).
#[derive(Debug, Clone, Copy)]
enum YearOf {
    Column(&'static str),
    Date(&'static str),
}

/// The year of the tables that have one, for partitioning: money by year
/// (transactions by their date, budgets by their period's first day, flows
/// by their year) and the panel. The scores table's `year` is set for
/// yearly money measures only, so it is not partitioned.
fn year_of(name: TableName) -> Option<YearOf> {
    match name {
        TableName::Transactions => Some(YearOf::Date("date")),
        TableName::Budgets => Some(YearOf::Date("period_start")),
        TableName::Flows | TableName::Panel => Some(YearOf::Column("year")),
        _ => None,
    }
}

/// Whether table `name` has a year to be partitioned by.
pub(super) fn has_year(name: TableName) -> bool {
    year_of(name).is_some()
}

/// The year of each row of `table`; `None` where unknown.
fn row_years(table: &Table, of: YearOf) -> Result<Vec<Option<i64>>, BoxError> {
    let column = match of {
        YearOf::Column(c) | YearOf::Date(c) => c,
    };
    match table.column(column).map(super::Column::values) {
        Some(Values::Integer(v)) => Ok(v.clone()),
        Some(Values::Date(v)) => Ok(v.iter().map(|d| d.map(|d| i64::from(d.year()))).collect()),
        _ => Err(format!("the {} table has no year in column {column}", table.name()).into()),
    }
}

/// The folder name of `year` under the table's folder.
fn folder_of(year: Option<i64>) -> String {
    match year {
        Some(y) => format!("year={y}"),
        None => format!("year={UNKNOWN_YEAR}"),
    }
}

/// One table written as one Parquet file per year under a folder, a row
/// group per batch and year, so a table made in batches streams.
pub(super) struct YearPartitions {
    dir: PathBuf,
    name: TableName,
    of: YearOf,
    /// The table's columns kept in the files (all but a `year` column).
    keep: Vec<usize>,
    schema: Arc<Schema>,
    files: BTreeMap<Option<i64>, ArrowWriter<Sink>>,
    /// Rows written per year.
    rows: BTreeMap<Option<i64>, usize>,
}

impl YearPartitions {
    /// The partitions of table `name` in folder `dir` (which exists).
    pub(super) fn new(dir: &Path, name: TableName) -> Result<Self, BoxError> {
        let of = year_of(name).ok_or_else(|| format!("the {name} table has no year"))?;
        let full = schema(name);
        let keep: Vec<usize> = (0..full.fields().len())
            .filter(|&i| match of {
                YearOf::Column(c) => full.fields().get(i).is_none_or(|f| f.name() != c),
                YearOf::Date(_) => true,
            })
            .collect();
        Ok(YearPartitions {
            dir: dir.to_path_buf(),
            name,
            of,
            schema: Arc::new(full.project(&keep)?),
            keep,
            files: BTreeMap::new(),
            rows: BTreeMap::new(),
        })
    }

    /// Appends the rows of `table`, each to its year's file.
    pub(super) fn write(&mut self, table: &Table) -> Result<(), BoxError> {
        if table.name() != self.name {
            return Err(format!(
                "a {} table given to the {} partitions",
                table.name(),
                self.name
            )
            .into());
        }
        let mut by_year: BTreeMap<Option<i64>, Vec<u64>> = BTreeMap::new();
        for (row, year) in row_years(table, self.of)?.into_iter().enumerate() {
            by_year.entry(year).or_default().push(row as u64);
        }
        let batch = table.to_record_batch()?.project(&self.keep)?;
        for (year, rows) in by_year {
            let count = rows.len();
            let part = arrow_select::take::take_record_batch(&batch, &UInt64Array::from(rows))?;
            self.file(year)?.write(&part)?;
            *self.rows.entry(year).or_default() += count;
        }
        Ok(())
    }

    /// The open file of `year`, created on its first row.
    fn file(&mut self, year: Option<i64>) -> Result<&mut ArrowWriter<Sink>, BoxError> {
        if !self.files.contains_key(&year) {
            let folder = self.dir.join(folder_of(year));
            std::fs::create_dir(&folder)?;
            let file = File::create_new(folder.join("part-0.parquet"))?;
            let writer = ArrowWriter::try_new(
                Sink::new(BufWriter::new(file), self.name),
                Arc::clone(&self.schema),
                Some(super::parquet::properties()),
            )?;
            self.files.insert(year, writer);
        }
        self.files
            .get_mut(&year)
            .ok_or_else(|| "a partition's file was just opened".into())
    }

    /// Writes every file's footer, flushes and syncs it, and returns the
    /// rows written per year (`None`: unknown).
    pub(super) fn finish(self) -> Result<BTreeMap<Option<i64>, usize>, BoxError> {
        for (_, writer) in self.files {
            let mut out = writer.into_inner()?;
            out.flush()?;
            out.into_inner().get_ref().sync_all()?;
        }
        Ok(self.rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::table::Cell;

    #[test]
    fn rows_of_an_unknown_year_go_to_the_hive_default_partition() {
        let dir =
            std::env::temp_dir().join(format!("ssr-partition-unknown-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        // Flows rows (17 columns, `year` the seventh): two of 2019, three
        // of no known year.
        let mut table = Table::empty(TableName::Flows);
        for year in [Some(2019), None, Some(2019), None, None] {
            let mut row: [Cell; 17] = std::array::from_fn(|_| Cell::Null);
            if let (Some(y), Some(cell)) = (year, row.get_mut(6)) {
                *cell = Cell::Integer(y);
            }
            table.push(row);
        }
        let mut years = YearPartitions::new(&dir, TableName::Flows).unwrap();
        years.write(&table).unwrap();
        assert_eq!(
            years.finish().unwrap(),
            BTreeMap::from([(None, 3), (Some(2019), 2)])
        );
        let unknown = dir.join("year=__HIVE_DEFAULT_PARTITION__/part-0.parquet");
        assert!(unknown.is_file());
        assert!(dir.join("year=2019/part-0.parquet").is_file());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
