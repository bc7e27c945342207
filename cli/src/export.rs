//! `ssr export`: every table of a portfolio, its findings, scores and
//! ranks, as CSV or Parquet files (`ssr_model::tables::Source`).

use std::io::Write;
use std::path::{Path, PathBuf};

use ssr_model::tables::{self, Existing, Partition, Source, TableName, WriteError};

use crate::findings::FindingsArgs;
use crate::input::{self, AsOf, Input};
use crate::score::{monte_carlo, options, scorer};
use crate::{Failure, write_failure};

/// The file format of the tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// CSV: header row, empty cells for unknown values, money as exact decimals.
    Csv,
    /// Parquet (snappy): dates as dates, money as decimal(19, 4) beside a currency column, codes as dictionary strings.
    Parquet,
}

impl From<Format> for tables::Format {
    fn from(format: Format) -> Self {
        match format {
            Format::Csv => tables::Format::Csv,
            Format::Parquet => tables::Format::Parquet,
        }
    }
}

/// How Parquet tables are laid out in --out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum PartitionBy {
    /// One file per table.
    None,
    /// The tables with a year (transactions, budgets, flows, panel) as a
    /// folder per table, one file per year: NAME/year=2019/part-0.parquet.
    Year,
}

/// Arguments of `ssr export`. Scores and ranks are computed under the
/// scoring policy (`--policy`), findings under the validation policy
/// (`--validation-policy`), both judged at `--as-of` when given.
#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["tables", "all"])))]
pub(crate) struct Args {
    #[command(flatten)]
    input: Input,
    #[command(flatten)]
    as_of: AsOf,
    /// A table to write (repeatable): programmes, recipients, sectors, stakeholders, components, objectives, indicators, periods, breakdowns, challenges, mitigations, evaluations, transactions, budgets, flows, findings, scores, ranks, indicator_periods, objective_scores, coherence, outliers, sensitivity (empty unless the policy has a `sensitivity` section), panel.
    #[arg(long = "table", value_name = "NAME", value_parser = parse_table)]
    tables: Vec<TableName>,
    /// Every table, one file each (needs --out).
    #[arg(long)]
    all: bool,
    /// The years of the panel table, FIRST..LAST with both included (e.g.
    /// 2018..2022), or one year; as `ssr panel --years` [default: the years
    /// of the portfolio's transactions, earliest to latest, else of its
    /// planned dates].
    #[arg(long, value_name = "FIRST..LAST", value_parser = crate::panel::parse_years)]
    years: Option<std::ops::RangeInclusive<i32>>,
    /// The file format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// The folder to write NAME.csv or NAME.parquet into (created when
    /// missing), with manifest.csv listing what this run wrote. Each file
    /// appears whole or not at all, also when the run fails or is
    /// interrupted (Ctrl-C: the table being written is abandoned, exit
    /// 130; a second Ctrl-C ends the program at once). Without --out, one CSV table goes to
    /// standard output.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Partition Parquet tables (needs --format parquet and --out): with
    /// `year`, the tables with a year (transactions by date, budgets by
    /// period start, flows, panel) are written as folders in the Hive
    /// layout NAME/year=2019/part-0.parquet that DuckDB, Polars and Spark
    /// read directly (rows of an unknown year under
    /// year=__HIVE_DEFAULT_PARTITION__); the other tables stay one file,
    /// and manifest.csv says which were partitioned.
    #[arg(long, value_enum, value_name = "BY", default_value_t = PartitionBy::None)]
    partition: PartitionBy,
    /// Replace tables that already exist in --out (without it, an existing
    /// table stops the run before anything is written).
    #[arg(long)]
    force: bool,
    /// A validation policy file (JSON) for the findings table.
    #[arg(long, value_name = "FILE")]
    validation_policy: Option<PathBuf>,
    /// Monte Carlo replications of the ranks table [default: the policy's].
    #[arg(long, value_name = "N")]
    replications: Option<usize>,
    /// Seed of the ranks table's Monte Carlo [default: the policy's].
    #[arg(long, value_name = "S")]
    seed: Option<u64>,
    #[command(flatten)]
    money: crate::money::MoneyArgs,
    #[command(flatten)]
    findings: FindingsArgs,
}

/// A table name, or an error listing the valid ones.
fn parse_table(name: &str) -> Result<TableName, String> {
    name.parse::<TableName>().map_err(|_| {
        let valid: Vec<&str> = TableName::ALL.iter().map(|t| t.as_str()).collect();
        format!("unknown table {name:?}; valid tables: {}", valid.join(", "))
    })
}

/// Where tables go: files in a folder, or one CSV table on standard output.
enum Target<'a> {
    Folder(&'a Path),
    Stdout(TableName),
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<u8, Failure> {
    let names: Vec<TableName> = if args.all {
        TableName::ALL.to_vec()
    } else {
        args.tables.clone()
    };
    let target = match (&args.out, args.format, names.as_slice()) {
        (Some(dir), _, _) => Target::Folder(dir),
        (None, Format::Csv, [name]) => Target::Stdout(*name),
        (None, Format::Csv, _) => {
            return Err(Failure::input(
                "several tables need --out DIR (one file each); standard output takes one CSV table",
            ));
        }
        (None, Format::Parquet, _) => {
            return Err(Failure::input("--format parquet needs --out DIR"));
        }
    };
    let partition = match (args.partition, args.format, &target) {
        (PartitionBy::None, _, _) => Partition::None,
        (PartitionBy::Year, Format::Parquet, Target::Folder(_)) => Partition::Year,
        (PartitionBy::Year, _, _) => {
            return Err(Failure::input(
                "--partition year needs --format parquet and --out DIR",
            ));
        }
    };
    let portfolio = input::load(&args.input.file)?;
    let options = args.money.add_to(options(&args.input, &args.as_of))?;
    let scorer = scorer(monte_carlo(options, args.replications, args.seed))?;
    let mut validation = input::validation_policy(args.validation_policy.as_deref())?;
    if let Some(date) = args.as_of.as_of {
        validation = validation.with_as_of(date);
    }
    // Ctrl-C stops the writing of files between tables and batches; one
    // table on standard output keeps the default (the program ends).
    let stop = matches!(target, Target::Folder(_)).then(crate::interrupt::stop_flag);
    let mut source = Source::new(&portfolio, &scorer).with_validation(validation);
    if let Some(years) = &args.years {
        source = source.with_years(years.clone());
    }
    if let Some(stop) = &stop {
        source = source.with_stop(stop);
    }
    let existing = if args.force {
        Existing::Replace
    } else {
        Existing::Refuse
    };
    let left_out = match target {
        Target::Folder(dir) => {
            let written = match partition {
                Partition::Year => source.write_partitioned(dir, &names, existing, partition),
                _ => source.write_all(dir, &names, args.format.into(), existing),
            };
            written.map_err(folder_failure)?.left_out
        }
        Target::Stdout(name) => source.write_csv(&mut *out, name).map_err(write_failure)?,
    };
    args.findings.show(&left_out)?;
    Ok(0)
}

/// A failure to write tables into --out.
fn folder_failure(e: WriteError) -> Failure {
    match e {
        WriteError::Folder { .. } => Failure::input(format!("--out {e}")),
        WriteError::Exists { .. } => Failure::input(format!("{e} (--force replaces)")),
        WriteError::Interrupted { .. } => Failure {
            code: crate::interrupt::INTERRUPTED,
            message: format!("{e}; the tables written before it are complete"),
            closed_pipe: false,
        },
        e => write_failure(e),
    }
}
