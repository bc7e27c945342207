//! Reading a portfolio from a file or standard input.

use std::path::Path;

use ssr_model::Portfolio;
use ssr_model::document::{self, LoadError};

use crate::Failure;

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
