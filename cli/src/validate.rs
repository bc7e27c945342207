//! `ssr validate`: every finding about a portfolio document, as text or JSON.

use std::io::Write;

use ssr_model::Programme;
use ssr_model::diagnostics::{Severity, Summary, ValidationPolicy};
use ssr_model::{Report, validate};

use crate::findings::{self, FindingsArgs};
use crate::input::{self, AsOf, Input};
use crate::{Failure, write_failure};

/// How `ssr validate` prints its report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// The findings summarised by code (every one, with its help, with
    /// --verbose), then the counts by severity.
    #[default]
    Text,
    /// `{"findings": [{"code", "severity", "path", "message", "help"}, ...]}`.
    Json,
    /// The tidy findings table: code, severity, path, message, help.
    Csv,
}

/// The arguments of `ssr validate`.
#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: Input,
    #[command(flatten)]
    as_of: AsOf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Show only findings of this severity or worse (advice, warning, error); the exit code still counts every error.
    #[arg(long, value_name = "LEVEL", default_value = "advice", value_parser = severity)]
    min_severity: Severity,
    #[command(flatten)]
    findings: FindingsArgs,
}

/// A `--min-severity` level.
fn severity(level: &str) -> Result<Severity, String> {
    level.parse().map_err(|e| format!("{e}"))
}

/// Runs `ssr validate`: exit code 0 when no finding is an error, 1 when one
/// is, 2 (as a [`Failure`]) when the document or policy cannot be read.
pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<u8, Failure> {
    let mut policy = input::validation_policy(args.input.policy.as_deref())?;
    if let Some(date) = args.as_of.as_of {
        policy.as_of = Some(date);
    }
    let portfolio = input::load(&args.input.file)?;
    let report = validate::validate(&portfolio, &policy);
    let shown: Report = report.at_least(args.min_severity).cloned().collect();
    args.findings.write_file(shown.findings())?;
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &shown).map_err(write_failure)?;
            writeln!(out).map_err(write_failure)?;
        }
        Format::Csv => {
            let table = ssr_model::tables::findings(&shown);
            ssr_model::tables::write_csv(&mut *out, &table).map_err(write_failure)?;
        }
        Format::Text => {
            let hidden = report.len() - shown.len();
            write_text(args, &shown, hidden, &policy, out).map_err(write_failure)?;
        }
    }
    Ok(findings::exit_code(report.findings()))
}

/// Every finding (--verbose) or the summary by code, then the counts.
fn write_text(
    args: &Args,
    shown: &Report,
    hidden: usize,
    policy: &ValidationPolicy,
    out: &mut impl Write,
) -> std::io::Result<()> {
    if args.findings.verbose {
        for finding in shown {
            writeln!(out, "{finding}")?;
        }
    } else {
        findings::write_groups(&Summary::new(shown.findings(), Summary::EXAMPLES), out)?;
    }
    if !shown.is_empty() {
        writeln!(out)?;
    }
    write!(out, "{}", shown.summary())?;
    if hidden > 0 {
        write!(
            out,
            " ({hidden} below --min-severity {} not shown)",
            args.min_severity
        )?;
    }
    writeln!(out)?;
    if policy.as_of.is_none() {
        writeln!(
            out,
            "note: no assessment date; future_actual and stale_data were not checked (give --as-of)"
        )?;
    }
    Ok(())
}

/// Writes a programme's validation summary for `ssr report`: counts by
/// severity and the most serious findings (default policy, no `as_of`, so
/// the report is the same on any day).
pub(crate) fn write_summary(programme: &Programme, out: &mut impl Write) -> std::io::Result<()> {
    const SHOWN: usize = 3;
    let report = validate::validate_programme(programme, &ValidationPolicy::default());
    writeln!(out, "  validation: {}", report.summary())?;
    for f in report.most_serious().iter().take(SHOWN) {
        writeln!(
            out,
            "    {}[{}] {}: {}",
            f.severity, f.code, f.path, f.message
        )?;
    }
    if report.len() > SHOWN {
        let more = report.len() - SHOWN;
        writeln!(out, "    ... and {more} more (run `ssr validate` for all)")?;
    }
    Ok(())
}
