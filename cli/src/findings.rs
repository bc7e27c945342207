//! Findings that inform, not flood: every command prints a summary by code
//! and severity (`ssr_model::diagnostics::Summary`) with the first few
//! examples of each; `--verbose` prints every finding, `--findings FILE`
//! writes them all as JSON or CSV.

use std::io::Write;
use std::path::{Path, PathBuf};

use ssr_model::diagnostics::{Code, Severity, Summary};
use ssr_model::tables::Table;
use ssr_model::{Finding, Report, Scorecard};

use crate::text::count;

use crate::Failure;

/// The exit codes of every subcommand, for `ssr --help` (README's
/// "Findings and exit codes" has the same table).
pub(crate) const EXIT_CODES: &str = "\
Exit codes (every subcommand):
  0  done; findings, if any, are warnings or advice
  1  done, and the input has error-level findings (validate; import-iati,
     also when one file of several is not IATI: the others are imported):
     the output is written all the same
  2  nothing written: an input cannot be read (a missing path, no IATI
     activity file among the inputs, not a portfolio document, a bad policy
     or rates file), or the command line is wrong
130  interrupted by Ctrl-C (export --out): the table being written is
     abandoned, the tables written before it are complete

Findings: a summary by code and severity on standard error (validate: on
standard output), with the first examples of each code; --verbose prints
every finding, --findings FILE writes them all (FILE.json or FILE.csv).";

/// Where and how findings are shown.
#[derive(clap::Args, Clone, Debug, Default)]
pub(crate) struct FindingsArgs {
    /// Write every finding to FILE: JSON (`{"findings": [...]}`) when it ends in .json, CSV (the findings table) when it ends in .csv.
    #[arg(long = "findings", id = "findings_file", value_name = "FILE", value_parser = findings_file)]
    pub(crate) file: Option<PathBuf>,
    /// Print every finding, not only the summary by code.
    #[arg(long, short = 'v')]
    pub(crate) verbose: bool,
}

/// A `--findings` file name: it must end in .json or .csv.
fn findings_file(name: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(name);
    match file_format(&path) {
        Some(_) => Ok(path),
        None => Err(format!(
            "{name:?}: the findings file's name must end in .json or .csv"
        )),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FileFormat {
    Json,
    Csv,
}

fn file_format(path: &Path) -> Option<FileFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "json" => Some(FileFormat::Json),
        "csv" => Some(FileFormat::Csv),
        _ => None,
    }
}

impl FindingsArgs {
    /// Writes `findings` to the `--findings` file when one was given, then
    /// on standard error every finding (`--verbose`) or their summary.
    pub(crate) fn show(&self, findings: &[Finding]) -> Result<(), Failure> {
        self.write_file(findings)?;
        self.show_summary(findings)
    }

    /// Whether every finding is to be printed (`--verbose`).
    pub(crate) fn is_verbose(&self) -> bool {
        self.verbose
    }

    /// The summary (or, with `--verbose`, every finding) of `findings` on
    /// standard error, without writing `--findings` (the caller wrote it
    /// with more).
    pub(crate) fn show_summary(&self, findings: &[Finding]) -> Result<(), Failure> {
        let mut err = std::io::BufWriter::new(std::io::stderr().lock());
        // Standard error going away is no reason to fail the command.
        let _ = self.write(findings, &mut err);
        let _ = err.flush();
        Ok(())
    }

    /// Every finding (`--verbose`) or the summary, on `out`.
    pub(crate) fn write(&self, findings: &[Finding], out: &mut impl Write) -> std::io::Result<()> {
        if self.verbose {
            for f in findings {
                writeln!(out, "{f}")?;
            }
            Ok(())
        } else {
            write_summary(&Summary::new(findings, Summary::EXAMPLES), out)
        }
    }

    /// Writes every finding to the `--findings` file, when one was given.
    pub(crate) fn write_file(&self, findings: &[Finding]) -> Result<(), Failure> {
        let Some(path) = &self.file else {
            return Ok(());
        };
        let cannot = |e: &dyn std::fmt::Display| {
            Failure::input(format!("--findings {}: {e}", path.display()))
        };
        let file = std::fs::File::create(path).map_err(|e| cannot(&e))?;
        let mut file = std::io::BufWriter::new(file);
        let report: Report = findings.iter().cloned().collect();
        match file_format(path) {
            Some(FileFormat::Csv) => {
                let table = ssr_model::tables::findings(&report);
                ssr_model::tables::write_csv(&mut file, &table).map_err(|e| cannot(&e))?;
            }
            _ => {
                serde_json::to_writer_pretty(&mut file, &report).map_err(|e| cannot(&e))?;
                writeln!(file).map_err(|e| cannot(&e))?;
            }
        }
        file.flush().map_err(|e| cannot(&e))
    }
}

/// The summary: one line of counts, then [`write_groups`].
pub(crate) fn write_summary(summary: &Summary, out: &mut impl Write) -> std::io::Result<()> {
    if summary.is_empty() {
        return Ok(());
    }
    let total = summary.total();
    let word = if total == 1 { "finding" } else { "findings" };
    writeln!(out, "{total} {word}: {}", summary.counts())?;
    write_groups(summary, out)
}

/// One line per code and severity with its count, and its first examples
/// indented below it; then, when some were not shown, how to see them all.
pub(crate) fn write_groups(summary: &Summary, out: &mut impl Write) -> std::io::Result<()> {
    let mut hidden = false;
    for group in &summary.groups {
        writeln!(
            out,
            "  {}[{}] × {}",
            group.severity, group.code, group.count
        )?;
        for f in &group.examples {
            writeln!(out, "    {}: {}", f.path, f.message)?;
        }
        if group.more() > 0 {
            hidden = true;
            writeln!(out, "    … and {} more", group.more())?;
        }
    }
    if hidden {
        writeln!(
            out,
            "every finding: --verbose, or --findings FILE (.json or .csv)"
        )?;
    }
    Ok(())
}

/// Exit code 1 when a finding is an error, else 0: validation's rule, for
/// every command that finds.
pub(crate) fn exit_code(findings: &[Finding]) -> u8 {
    u8::from(findings.iter().any(|f| f.severity == Severity::Error))
}

/// A failure's message for standard error, each line after the first
/// prefixed as the first is (`ssr: `).
pub(crate) fn lines(message: &str) -> String {
    message.replace('\n', "\nssr: ")
}

/// The finance findings of a scorecard (money without a usable exchange
/// rate), each message led by its programme's name, summarised; and how
/// many amounts were left out of the finance measures.
pub(crate) fn show_finance(args: &FindingsArgs, card: &Scorecard) -> Result<(), Failure> {
    let found: Vec<Finding> = card
        .programmes
        .iter()
        .flat_map(|p| {
            p.finance.findings.iter().map(|f| {
                let mut f = f.clone();
                f.message = format!("{}: {}", p.name, f.message);
                f
            })
        })
        .collect();
    args.show(&found)?;
    let left_out = found
        .iter()
        .filter(|f| f.code == Code::NoExchangeRate)
        .count();
    if left_out > 0 {
        let programmes = card
            .programmes
            .iter()
            .filter(|p| {
                p.finance
                    .findings
                    .iter()
                    .any(|f| f.code == Code::NoExchangeRate)
            })
            .count();
        eprintln!(
            "{} without a usable exchange rate left out of the finance measures of {}",
            count(left_out, "amount", "amounts"),
            count(programmes, "programme", "programmes"),
        );
    }
    Ok(())
}

/// How many rows of the flows table have no converted amount for want of
/// a rate, when a currency was asked for (`left_out` is then not empty).
pub(crate) fn write_flows_left_out(flows: &Table, left_out: &[Finding]) {
    if left_out.is_empty() {
        return;
    }
    let unconverted = flows
        .column("converted_amount")
        .map_or(0, |c| c.values().nulls());
    eprintln!(
        "{unconverted} of {} flow rows have no converted amount (no usable exchange rate for {}): \
         they keep their amount in its own currency",
        flows.rows(),
        count(left_out.len(), "transaction", "transactions"),
    );
}
