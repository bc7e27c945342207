//! Parquet tables partitioned by year (`Source::write_partitioned`): the
//! Hive layout, rows per year worked by hand, tables without a year left
//! whole, an existing folder refused or replaced whole, and the manifest.
#![cfg(feature = "parquet")]

use std::path::{Path, PathBuf};

use parquet::file::reader::{FileReader, SerializedFileReader};
use ssr_model::chrono::NaiveDate;
use ssr_model::model::{Budget, Transaction, TransactionType};
use ssr_model::tables::{Existing, Partition, Source, TableName, WriteError};
use ssr_model::{Country, Money, Portfolio, Programme, Scorer};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ssr-partitioned-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// One programme in Liberia: disbursements on 31 March 2019, 30 November
/// 2019 and 30 June 2021; budgets starting 1 January 2019 and 2020.
fn portfolio() -> Portfolio {
    let paid = |y, m, d| {
        let date = day(y, m, d);
        let value = Money::parse("1000", "USD").unwrap();
        Transaction::new(TransactionType::Disbursement, date, value, date)
    };
    let mut programme = Programme::new("Police reform", Country::new("LBR").unwrap())
        .with_transaction(paid(2019, 3, 31))
        .with_transaction(paid(2019, 11, 30))
        .with_transaction(paid(2021, 6, 30));
    for year in [2019, 2020] {
        let value = Money::parse("5000", "USD").unwrap();
        let budget = Budget::new(day(year, 1, 1), day(year, 12, 31), value, day(year, 1, 1));
        programme.budgets.push(budget);
    }
    Portfolio::new().with_programme(programme)
}

use crate::common::files::files_in as entries;

/// Each partition of `table` with its rows and whether its files have a
/// `year` column, read back with the parquet crate.
fn partitions(table: &Path) -> Vec<(String, i64, bool)> {
    entries(table)
        .into_iter()
        .map(|folder| {
            assert_eq!(entries(&table.join(&folder)), ["part-0.parquet"]);
            let file = std::fs::File::open(table.join(&folder).join("part-0.parquet")).unwrap();
            let reader = SerializedFileReader::new(file).unwrap();
            let meta = reader.metadata().file_metadata();
            let has_year = meta
                .schema_descr()
                .columns()
                .iter()
                .any(|c| c.name() == "year");
            (folder, meta.num_rows(), has_year)
        })
        .collect()
}

const NAMES: [TableName; 5] = [
    TableName::Transactions,
    TableName::Budgets,
    TableName::Flows,
    TableName::Panel,
    TableName::Programmes,
];

#[test]
fn tables_with_a_year_are_written_one_folder_per_year() {
    let dir = scratch("years");
    let portfolio = portfolio();
    let scorer = Scorer::default();
    let written = Source::new(&portfolio, &scorer)
        .write_partitioned(&dir, &NAMES, Existing::Refuse, Partition::Year)
        .unwrap();
    let folder = |y: &str| format!("year={y}");
    // Transactions: two in 2019, one in 2021; each file keeps its `date`
    // and has no `year` column (readers add it from the folder name).
    assert_eq!(
        partitions(&dir.join("transactions")),
        [(folder("2019"), 2, false), (folder("2021"), 1, false)]
    );
    // Budgets by their first day: one in 2019, one in 2020.
    assert_eq!(
        partitions(&dir.join("budgets")),
        [(folder("2019"), 1, false), (folder("2020"), 1, false)]
    );
    // Flows: LBR × disbursement, one row per year with money: the two 2019
    // disbursements are one row; the `year` column is left out of the files.
    assert_eq!(
        partitions(&dir.join("flows")),
        [(folder("2019"), 1, false), (folder("2021"), 1, false)]
    );
    // The panel covers 2019 to 2021 (the transactions' years), a row per
    // programme and year, 2020 included.
    assert_eq!(
        partitions(&dir.join("panel")),
        [
            (folder("2019"), 1, false),
            (folder("2020"), 1, false),
            (folder("2021"), 1, false)
        ]
    );
    // Programmes have no year: one file, and nothing hidden left behind.
    assert_eq!(
        entries(&dir),
        [
            "budgets",
            "flows",
            "manifest.csv",
            "panel",
            "programmes.parquet",
            "transactions"
        ]
    );
    assert_eq!(written.rows, [3, 2, 2, 3, 1]);
    assert_eq!(
        written.partitions,
        [
            Partition::Year,
            Partition::Year,
            Partition::Year,
            Partition::Year,
            Partition::None
        ]
    );
    let manifest = std::fs::read_to_string(dir.join("manifest.csv")).unwrap();
    assert_eq!(
        manifest,
        "table,file,rows,format,partition\n\
         transactions,transactions,3,parquet,year\n\
         budgets,budgets,2,parquet,year\n\
         flows,flows,2,parquet,year\n\
         panel,panel,3,parquet,year\n\
         programmes,programmes.parquet,1,parquet,none\n"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_existing_folder_is_refused_or_replaced_whole() {
    let dir = scratch("replace");
    let portfolio = portfolio();
    let scorer = Scorer::default();
    let source = Source::new(&portfolio, &scorer);
    let names = [TableName::Transactions];
    // A folder from an earlier run, with a year this run has not.
    std::fs::create_dir_all(dir.join("transactions/year=1999")).unwrap();
    std::fs::write(dir.join("transactions/year=1999/part-0.parquet"), "old").unwrap();
    let e = source
        .write_partitioned(&dir, &names, Existing::Refuse, Partition::Year)
        .unwrap_err();
    assert!(matches!(e, WriteError::Exists { .. }), "{e}");
    assert_eq!(entries(&dir.join("transactions")), ["year=1999"]);
    source
        .write_partitioned(&dir, &names, Existing::Replace, Partition::Year)
        .unwrap();
    // Replaced whole: the old year is gone, nothing hidden is left.
    assert_eq!(
        entries(&dir.join("transactions")),
        ["year=2019", "year=2021"]
    );
    assert_eq!(entries(&dir), ["manifest.csv", "transactions"]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn without_partitioning_every_table_is_one_file() {
    let dir = scratch("none");
    let portfolio = portfolio();
    let scorer = Scorer::default();
    let written = Source::new(&portfolio, &scorer)
        .write_partitioned(&dir, &NAMES[..2], Existing::Refuse, Partition::None)
        .unwrap();
    assert_eq!(
        entries(&dir),
        ["budgets.parquet", "manifest.csv", "transactions.parquet"]
    );
    assert_eq!(written.partitions, [Partition::None, Partition::None]);
    std::fs::remove_dir_all(dir).unwrap();
}
