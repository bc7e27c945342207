//! Reading a portfolio from a file or standard input, and the input
//! arguments the subcommands share.

use std::path::{Path, PathBuf};

use ssr_model::Portfolio;
use ssr_model::chrono::NaiveDate;
use ssr_model::diagnostics::ValidationPolicy;
use ssr_model::document;
use ssr_model::document::LoadError;

use crate::Failure;

/// The input arguments of `validate`, `score`, `rank` and `export`
/// (`import-iati` reads IATI files, and has its own).
#[derive(clap::Args)]
pub(crate) struct Input {
    /// The input file (a portfolio document, JSON), or `-` for standard
    /// input.
    pub(crate) file: PathBuf,
    /// A policy file (JSON); every field is optional. Its fields and
    /// defaults: `ssr schema scoring-policy` for score, rank and export,
    /// `ssr schema validation-policy` for validate (per-code levels).
    #[arg(long, value_name = "FILE")]
    pub(crate) policy: Option<PathBuf>,
}

/// The assessment date of `validate`, `score` and `rank`.
#[derive(clap::Args)]
pub(crate) struct AsOf {
    /// Judge at this date (YYYY-MM-DD), overriding the policy's `as_of`.
    /// Scores use only what is dated on or before it: transactions of
    /// every type, evaluations, baselines, actual start and end dates, and
    /// actuals of periods begun by then (an actual of a period still open
    /// on the date is interim); targets and budgets are plans and count
    /// in full. Without one, scores use each indicator's latest report and
    /// validation skips its time-dependent checks.
    #[arg(long, value_name = "DATE")]
    pub(crate) as_of: Option<NaiveDate>,
}

/// Loads the portfolio at `path` (`-` is standard input).
pub(crate) fn load(path: &Path) -> Result<Portfolio, Failure> {
    let (name, result) = if path == Path::new("-") {
        (
            "<stdin>".to_owned(),
            document::from_reader(std::io::stdin().lock()),
        )
    } else {
        let name = path.display().to_string();
        let result = std::fs::File::open(path)
            .map_err(LoadError::from)
            .and_then(|f| document::from_reader(std::io::BufReader::new(f)));
        (name, result)
    };
    result.map_err(|e| Failure::input(format!("{name}: {e}")))
}

/// Loads `path`, or the embedded sample when no path is given.
pub(crate) fn load_or_sample(path: Option<&Path>) -> Result<Portfolio, Failure> {
    match path {
        Some(p) => load(p),
        None => Ok(ssr_model::samples::portfolio()),
    }
}

/// Reads a policy file's text, past a byte-order mark; a failure names the
/// file.
pub(crate) fn read_policy(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path)
        .map(|text| match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        })
        .map_err(|e| Failure::input(format!("{}: cannot read the policy: {e}", path.display())))
}

/// The validation policy at `path`, or the default.
pub(crate) fn validation_policy(path: Option<&Path>) -> Result<ValidationPolicy, Failure> {
    let Some(path) = path else {
        return Ok(ValidationPolicy::default());
    };
    let text = read_policy(path)?;
    ValidationPolicy::from_json(&text)
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))
}
