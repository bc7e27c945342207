//! `ssr export`: every table of a portfolio, its findings, scores and
//! ranks, as CSV or Parquet files (`ssr_model::tables`).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use ssr_model::Scorer;
use ssr_model::tables;
use ssr_model::tables::{CsvTableWriter, ParquetTableWriter, Table, TableName};
use ssr_model::{Portfolio, validate};

use crate::input::{self, AsOf, Input};
use crate::score::{load_policy, scorer};
use crate::{Failure, write_failure};

/// The file format of the tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// CSV: header row, empty cells for unknown values, money as exact decimals.
    Csv,
    /// Parquet (snappy): dates as dates, money as decimal(19, 4) beside a currency column, codes as dictionary strings.
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
    /// A table to write (repeatable): programmes, recipients, sectors, stakeholders, components, objectives, indicators, periods, breakdowns, challenges, mitigations, evaluations, transactions, budgets, flows, findings, scores, ranks.
    #[arg(long = "table", value_name = "NAME", value_parser = parse_table)]
    tables: Vec<TableName>,
    /// Every table, one file each (needs --out).
    #[arg(long)]
    all: bool,
    /// The file format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// The folder to write NAME.csv or NAME.parquet into (created when
    /// missing). Without it, one CSV table goes to standard output.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
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
}

/// A table name, or an error listing the valid ones.
fn parse_table(name: &str) -> Result<TableName, String> {
    name.parse::<TableName>().map_err(|_| {
        let valid: Vec<&str> = TableName::ALL.iter().map(|t| t.as_str()).collect();
        format!("unknown table {name:?}; valid tables: {}", valid.join(", "))
    })
}

/// Where tables go: standard output (one CSV table) or files in a folder.
enum Destination<'a, W: Write> {
    Stdout(&'a mut W),
    Folder(&'a Path),
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<u8, Failure> {
    let names: Vec<TableName> = if args.all {
        TableName::ALL.to_vec()
    } else {
        args.tables.clone()
    };
    let mut destination = match (&args.out, args.format, names.as_slice()) {
        (Some(dir), _, _) => {
            std::fs::create_dir_all(dir).map_err(|e| {
                Failure::input(format!(
                    "--out {}: cannot create the folder: {e}",
                    dir.display()
                ))
            })?;
            Destination::Folder(dir)
        }
        (None, Format::Csv, [_]) => Destination::Stdout(out),
        (None, Format::Csv, _) => {
            return Err(Failure::input(
                "several tables need --out DIR (one file each); standard output takes one CSV table",
            ));
        }
        (None, Format::Parquet, _) => {
            return Err(Failure::input("--format parquet needs --out DIR"));
        }
    };
    let portfolio = input::load(&args.input.file)?;
    let scorer = export_scorer(args)?;
    for name in names {
        export(name, &portfolio, &scorer, args, &mut destination)?;
    }
    Ok(0)
}

/// The scorer of `--policy`, `--as-of`, the money options and the Monte
/// Carlo settings.
fn export_scorer(args: &Args) -> Result<Scorer, Failure> {
    let mut policy = load_policy(&args.input, &args.as_of)?;
    args.money.apply(&mut policy)?;
    if let Some(n) = args.replications {
        policy.uncertainty.replications = n;
    }
    if let Some(seed) = args.seed {
        policy.uncertainty.seed = seed;
    }
    args.money.rates(scorer(policy)?)
}

/// Writes table `name` to the destination.
fn export<W: Write>(
    name: TableName,
    portfolio: &Portfolio,
    scorer: &Scorer,
    args: &Args,
    destination: &mut Destination<'_, W>,
) -> Result<(), Failure> {
    let mut sink = match destination {
        Destination::Stdout(out) => Sink::Csv(
            CsvTableWriter::new(Box::new(&mut **out) as Box<dyn Write + '_>, name)
                .map_err(write_failure)?,
        ),
        Destination::Folder(dir) => Sink::file(dir, name, args.format)?,
    };
    match name {
        TableName::Scores => {
            let card = scorer.scorecard(portfolio);
            tables::score_batches(&card, 4096, |_| true, |batch| sink.write(&batch))?;
        }
        TableName::Ranks => {
            let card = scorer.scorecard(portfolio);
            let ranks = scorer.rank_uncertainty(&card);
            let card = card
                .with_uncertainty(ranks)
                .map_err(|e| Failure::input(e.to_string()))?;
            sink.write(&tables::ranks(&card))?;
        }
        TableName::Findings => {
            let mut policy = input::validation_policy(args.validation_policy.as_deref())?;
            if let Some(date) = args.as_of.as_of {
                policy = policy.with_as_of(date);
            }
            sink.write(&tables::findings(&validate::validate(portfolio, &policy)))?;
        }
        TableName::Flows => {
            let (table, left_out) = tables::flows(portfolio, scorer);
            crate::score::write_left_out(&left_out);
            sink.write(&table)?;
        }
        _ => {
            let table = Table::from_portfolio(portfolio, name)
                .ok_or_else(|| Failure::input(format!("{name}: not a portfolio table")))?;
            sink.write(&table)?;
        }
    }
    sink.finish()
}

/// An open table file (or standard output).
enum Sink<'a> {
    Csv(CsvTableWriter<Box<dyn Write + 'a>>),
    Parquet(ParquetTableWriter<BufWriter<File>>),
}

impl Sink<'_> {
    fn file(dir: &Path, name: TableName, format: Format) -> Result<Self, Failure> {
        let path = dir.join(format!("{name}.{}", format.extension()));
        let file = File::create(&path)
            .map(BufWriter::new)
            .map_err(|e| Failure::input(format!("{}: cannot create: {e}", path.display())))?;
        Ok(match format {
            Format::Csv => Sink::Csv(
                CsvTableWriter::new(Box::new(file) as Box<dyn Write>, name)
                    .map_err(write_failure)?,
            ),
            Format::Parquet => {
                Sink::Parquet(ParquetTableWriter::new(file, name).map_err(write_failure)?)
            }
        })
    }

    fn write(&mut self, table: &Table) -> Result<(), Failure> {
        match self {
            Sink::Csv(w) => w.write(table).map_err(write_failure),
            Sink::Parquet(w) => w.write(table).map_err(write_failure),
        }
    }

    fn finish(self) -> Result<(), Failure> {
        match self {
            Sink::Csv(w) => w.finish().map(drop).map_err(write_failure),
            Sink::Parquet(w) => w
                .finish()
                .map_err(write_failure)?
                .flush()
                .map_err(write_failure),
        }
    }
}
