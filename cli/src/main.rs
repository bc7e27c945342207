//! `ssr`: the command-line face of ssr-model.
//!
//! Exit codes (`findings::EXIT_CODES`, shown by `ssr --help`): 0 success,
//! 1 the input has error-level findings (validate, import-iati), 2 the input
//! cannot be read or parsed, or the command line is wrong.
//! Output cut short by its reader (`ssr report | head -1`) is success.

mod export;
mod findings;
mod import_iati;
mod input;
mod interrupt;
mod money;
mod panel;
mod progress;
mod rank;
mod rank_matrix;
mod report;
mod results;
mod schema;
mod score;
mod sensitivity;
mod text;
mod validate;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Security Sector Reform programmes as data: inspect, validate, score.
#[derive(Parser)]
#[command(name = "ssr", version, about, after_long_help = findings::EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the embedded sample portfolio as a JSON document.
    Sample,
    /// Print a readable summary of a portfolio (the embedded sample when no file is given).
    Report(report::Args),
    /// Check a portfolio document: every problem at once, with codes and paths.
    ///
    /// Exit code 0 when no finding is an error, 1 when one is, 2 when the
    /// document or the policy cannot be read.
    Validate(validate::Args),
    /// Import IATI 2.01–2.03 activity files and folders as one portfolio document (findings summarised on stderr).
    ///
    /// Files are streamed: memory grows with what the filter keeps, not with
    /// the size of the files.
    ImportIati(import_iati::ImportIati),
    /// Print the JSON Schema of the portfolio document, the scorecard or a
    /// policy (e.g. `ssr schema scoring-policy` lists every policy field).
    Schema {
        /// The format whose schema to print.
        #[arg(value_enum, default_value = "document")]
        which: schema::Which,
    },
    /// Score a portfolio: indicator progress and status, programme scores, risk, stakeholders, evaluations.
    Score(score::Args),
    /// Rank programmes, with the Monte Carlo uncertainty of their ranks.
    Rank(rank::Args),
    /// Rank the rows of a plain matrix (`{"scores": [[...]], "weights": [...]}`) by a
    /// weighted composite, with the Monte Carlo uncertainty of their ranks.
    RankMatrix(rank_matrix::Args),
    /// Which of the composite's choices drive the ranks: first-order and
    /// total Sobol indices, with 95 % bootstrap intervals, of each factor
    /// (the policy's `sensitivity` section, or the standard ones) on the
    /// mean rank shift and on each programme's rank and composite. With
    /// --matrix, the same over a plain matrix (`rank-matrix` input).
    ///
    /// Memory: the outputs of every run, 12 bytes × programmes ×
    /// samples × (factors + 2), and the scorecard.
    Sensitivity(sensitivity::Args),
    /// Write tidy tables (CSV or Parquet): programmes, recipients, sectors, stakeholders, components, objectives, indicators, periods, breakdowns, challenges, mitigations, evaluations, transactions, budgets, flows, findings, scores, ranks.
    ///
    /// `--table NAME` (repeatable) or `--all`; `--out DIR` writes NAME.csv
    /// or NAME.parquet there, one file each; without it one CSV table goes
    /// to standard output.
    ///
    /// The flows table holds each transaction's part for each recipient
    /// (its own recipient, else the programme's percentages, the rest
    /// unallocated) and, beside it, the SSR part by sector percentages;
    /// unknown shares are empty with the reason, never 0 (see `ssr score
    /// --help`).
    Export(export::Args),
    /// Score every programme as of the end of each year: one row per programme and year (composite, rank, progress, money of the year and to date, recipients).
    ///
    /// `--years 2018..2022` (both included). Each year is judged on its
    /// 31 December under the as-of rule (see `ssr score --help`).
    Panel(panel::Args),
}

/// A failure the CLI reports on stderr, with its exit code.
pub(crate) struct Failure {
    pub(crate) code: u8,
    pub(crate) message: String,
    /// The reader of our output went away (a closed pipe): not a failure of
    /// the command, so the exit is 0 and quiet.
    closed_pipe: bool,
}

impl Failure {
    /// Unreadable or invalid input: exit code 2.
    pub(crate) fn input(message: impl Into<String>) -> Self {
        Failure {
            code: 2,
            message: message.into(),
            closed_pipe: false,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Standard output is line-buffered: a pretty JSON document would cost
    // one write call per line.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let result = match cli.command {
        Command::Sample => print_sample(&mut out),
        Command::Report(args) => report::run(&args, &mut out),
        Command::Validate(args) => validate::run(&args, &mut out),
        Command::ImportIati(args) => import_iati::run(&args, &mut out),
        Command::Schema { which } => schema::run(which, &mut out),
        Command::Score(args) => score::run(&args, &mut out),
        Command::Rank(args) => rank::run(&args, &mut out),
        Command::RankMatrix(args) => rank_matrix::run(&args, &mut out),
        Command::Sensitivity(args) => sensitivity::run(&args, &mut out),
        Command::Export(args) => export::run(&args, &mut out),
        Command::Panel(args) => panel::run(&args, &mut out),
    };
    match result.and_then(|code| out.flush().map(|()| code).map_err(write_failure)) {
        Ok(code) => ExitCode::from(code),
        Err(failure) if failure.closed_pipe => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("ssr: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

pub(crate) fn write_failure(e: impl std::error::Error + 'static) -> Failure {
    Failure {
        code: 2,
        message: format!("cannot write output: {e}"),
        closed_pipe: is_closed_pipe(&e),
    }
}

/// Whether `e`, or an error it wraps, is a write into a closed pipe.
fn is_closed_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut next = Some(e);
    while let Some(e) = next {
        let kind = if let Some(io) = e.downcast_ref::<std::io::Error>() {
            Some(io.kind())
        } else if let Some(json) = e.downcast_ref::<serde_json::Error>() {
            // serde_json and csv do not expose their I/O errors as sources.
            json.io_error_kind()
        } else if let Some(csv) = e.downcast_ref::<csv::Error>() {
            match csv.kind() {
                csv::ErrorKind::Io(io) => Some(io.kind()),
                _ => None,
            }
        } else {
            None
        };
        if kind == Some(std::io::ErrorKind::BrokenPipe) {
            return true;
        }
        next = e.source();
    }
    false
}

fn print_sample(out: &mut impl Write) -> Result<u8, Failure> {
    let portfolio = ssr_model::samples::portfolio();
    ssr_model::document::to_writer_pretty(&mut *out, &portfolio).map_err(write_failure)?;
    writeln!(out).map_err(write_failure)?;
    Ok(0)
}
