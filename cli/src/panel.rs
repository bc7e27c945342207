//! `ssr panel`: every programme scored as of the end of each year, one
//! row per programme and year (`Scorer::panel`, the `panel` table).

use std::io::Write;
use std::ops::RangeInclusive;
use std::path::PathBuf;

use ssr_model::tables;

use crate::input::{self, Input};
use crate::score::{monte_carlo, options, scorer, write_json};
use crate::{Failure, write_failure};

/// The output format of `ssr panel`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// The panel table as CSV: header row, empty cells for unknown values.
    Csv,
    /// The panel rows as a JSON array (recipients as a list of place and share).
    Json,
    /// The panel table as Parquet (needs --out).
    Parquet,
}

/// Arguments of `ssr panel`. Each year is scored as of its 31 December
/// under the as-of rule (see `ssr score --help`), replacing the policy's
/// `as_of`.
#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: Input,
    /// The years, FIRST..LAST with both included (e.g. 2018..2022), or one year.
    #[arg(long, value_name = "FIRST..LAST", value_parser = parse_years)]
    years: RangeInclusive<i32>,
    /// Rank each year with its Monte Carlo rank uncertainty (rank_p05,
    /// rank_p95): one run of the policy's replications per year. Without
    /// it those columns are empty.
    #[arg(long)]
    uncertainty: bool,
    /// Monte Carlo replications with --uncertainty [default: the policy's].
    #[arg(long, value_name = "N", requires = "uncertainty")]
    replications: Option<usize>,
    /// Seed of the Monte Carlo with --uncertainty [default: the policy's].
    #[arg(long, value_name = "S", requires = "uncertainty")]
    seed: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    money: crate::money::MoneyArgs,
}

/// `2018..2022` (both included) or `2020` (also `ssr export --years`).
pub(crate) fn parse_years(text: &str) -> Result<RangeInclusive<i32>, String> {
    let year = |s: &str| {
        s.trim()
            .parse::<i32>()
            .map_err(|_| format!("{s:?} is not a year; expected FIRST..LAST, e.g. 2018..2022"))
    };
    let (first, last) = match text.split_once("..") {
        Some((a, b)) => (year(a)?, year(b.strip_prefix('=').unwrap_or(b))?),
        None => (year(text)?, year(text)?),
    };
    if first > last {
        return Err(format!("{first} comes after {last}: expected FIRST..LAST"));
    }
    Ok(first..=last)
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<u8, Failure> {
    if args.format == Format::Parquet && args.out.is_none() {
        return Err(Failure::input("--format parquet needs --out FILE"));
    }
    let portfolio = input::load(&args.input.file)?;
    let no_date = crate::input::AsOf { as_of: None };
    let options = args.money.add_to(options(&args.input, &no_date))?;
    let scorer = scorer(monte_carlo(options, args.replications, args.seed))?;
    let rows = if args.uncertainty {
        scorer.ranked_panel(&portfolio, args.years.clone())
    } else {
        scorer.panel(&portfolio, args.years.clone())
    };
    let table = || tables::panel(&rows);
    let Some(path) = &args.out else {
        return write(out, args.format, &rows, table).map(|()| 0);
    };
    let cannot = |e: std::io::Error| Failure::input(format!("--out {}: {e}", path.display()));
    let mut file = std::fs::File::create(path)
        .map(std::io::BufWriter::new)
        .map_err(cannot)?;
    if args.format == Format::Parquet {
        tables::write_parquet(&mut file, &table()).map_err(write_failure)?;
    } else {
        write(&mut file, args.format, &rows, table)?;
    }
    file.flush().map_err(cannot)?;
    Ok(0)
}

/// Writes the rows as CSV or JSON.
fn write(
    out: &mut impl Write,
    format: Format,
    rows: &[ssr_model::score::compare::PanelRow],
    table: impl Fn() -> tables::Table,
) -> Result<(), Failure> {
    match format {
        Format::Json => write_json(out, &rows),
        Format::Csv | Format::Parquet => tables::write_csv(out, &table()).map_err(write_failure),
    }
}
