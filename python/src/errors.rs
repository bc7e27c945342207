//! Rust errors as the Python exceptions of `ssr_model._errors`, with the
//! message, path, line and column the Rust error carries.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use ssr_model::diagnostics::ValidationPolicyError;
use ssr_model::document::LoadError;
use ssr_model::interop::iati::{ImportError, ImportFailure};
use ssr_model::score::policy::PolicyError;
use ssr_model::score::{RatesFileError, ScorerOptionsError};

/// Which Python exception class an [`Error`] becomes (the classes live in
/// `ssr_model/_errors.py`, so that their docstrings and attributes are
/// ordinary Python).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// `ssr_model.LoadError`.
    Load,
    /// `ssr_model.PolicyError`.
    Policy,
    /// `ssr_model.IatiError`.
    Iati,
    /// `ssr_model.ExportError`.
    Export,
    /// `ssr_model.InvalidValueError`.
    InvalidValue,
}

impl Class {
    fn name(self) -> &'static str {
        match self {
            Class::Load => "LoadError",
            Class::Policy => "PolicyError",
            Class::Iati => "IatiError",
            Class::Export => "ExportError",
            Class::InvalidValue => "InvalidValueError",
        }
    }
}

/// A Rust error on its way to Python: the message and the location fields
/// the Rust error has (the others stay `None` in Python). Boxed, so that
/// `Result<T, Error>` stays small.
#[derive(Debug, Clone)]
pub(crate) struct Error(Box<Details>);

/// The fields of an [`Error`].
#[derive(Debug, Clone)]
struct Details {
    class: Class,
    message: String,
    path: Option<String>,
    line: Option<u64>,
    column: Option<u64>,
    file: Option<String>,
    kind: Option<&'static str>,
}

impl Error {
    /// An error of `class` with `message` and no location.
    pub(crate) fn new(class: Class, message: impl Into<String>) -> Self {
        Error(Box::new(Details {
            class,
            message: message.into(),
            path: None,
            line: None,
            column: None,
            file: None,
            kind: None,
        }))
    }

    /// The same error, naming the file it came from.
    pub(crate) fn in_file(mut self, file: impl Into<String>) -> Self {
        self.0.file = Some(file.into());
        self
    }

    /// The same error with a line of explanation appended to the message.
    pub(crate) fn with_note(mut self, note: impl std::fmt::Display) -> Self {
        self.0.message = format!("{}\n{note}", self.0.message);
        self
    }

    /// The same error, at `path` (a JSON Pointer).
    pub(crate) fn at(mut self, path: impl Into<String>) -> Self {
        self.0.path = Some(path.into());
        self
    }

    fn in_optional_file(mut self, file: Option<&str>) -> Self {
        self.0.file = file.map(str::to_owned);
        self
    }

    /// A document that could not be loaded, read from `file` when given.
    pub(crate) fn load(err: &LoadError, file: Option<&str>) -> Self {
        let mut e = Error::new(Class::Load, err.to_string()).in_optional_file(file);
        let d = &mut e.0;
        match err {
            LoadError::Parse {
                kind,
                path,
                line,
                column,
                ..
            } => {
                d.path = Some(path.as_str().to_owned());
                d.line = u64::try_from(*line).ok();
                d.column = u64::try_from(*column).ok();
                d.kind = Some(match kind {
                    ssr_model::document::ParseErrorKind::Syntax => "syntax",
                    ssr_model::document::ParseErrorKind::Truncated => "truncated",
                    _ => "data",
                });
            }
            LoadError::Io(_) => d.kind = Some("io"),
            LoadError::UnsupportedVersion { .. } => {
                d.path = Some("/schema_version".to_owned());
                d.kind = Some("unsupported_version");
            }
            _ => {}
        }
        e
    }

    /// A scoring policy that could not be parsed or was refused.
    pub(crate) fn scoring_policy(err: &PolicyError, file: Option<&str>) -> Self {
        let e = Error::new(Class::Policy, err.to_string());
        let e = match err {
            PolicyError::Invalid { problems } => match problems.first() {
                Some(first) => e.at(first.path.as_str()),
                None => e,
            },
            PolicyError::Parse { path, .. } => e.at(path.as_str()),
            _ => e,
        };
        e.in_optional_file(file)
    }

    /// A scorer whose options could not be read or were refused: a policy
    /// error with the file and the JSON Pointer of the offending value.
    pub(crate) fn scorer_options(err: &ScorerOptionsError) -> Self {
        match err {
            ScorerOptionsError::Policy { file, error } => {
                let file = file.as_ref().map(|f| f.display().to_string());
                Error::scoring_policy(error, file.as_deref())
            }
            ScorerOptionsError::Read { file, source } => {
                let name = file.display().to_string();
                Error::new(
                    Class::Policy,
                    format!("cannot read the policy {name}: {source}"),
                )
                .in_file(name)
            }
            ScorerOptionsError::Rates { file, error } => {
                Error::rates_file(error, &file.display().to_string())
            }
            _ => Error::new(Class::Policy, err.to_string()),
        }
    }

    /// A validation policy that could not be parsed.
    pub(crate) fn validation_policy(err: &ValidationPolicyError, file: Option<&str>) -> Self {
        Error::new(Class::Policy, err.to_string())
            .at(err.path.as_str())
            .in_optional_file(file)
    }

    /// An IATI source that could not be read, named `file`.
    pub(crate) fn iati(err: &ImportError, file: &str) -> Self {
        let mut e = Error::new(Class::Iati, format!("{file}: {err}")).in_file(file);
        e.0.line = err.line();
        e
    }

    /// An IATI import that failed as a whole (the library's rule, the
    /// CLI's exit 2): the first unreadable source with its file and line,
    /// the others listed in the message.
    pub(crate) fn import_failure(err: &ImportFailure) -> Self {
        let ImportFailure::Unreadable { sources } = err else {
            return Error::new(Class::Iati, err.to_string());
        };
        let Some(first) = sources.first() else {
            return Error::new(Class::Iati, err.to_string());
        };
        let e = Error::iati(&first.error, &first.name);
        let others: Vec<String> = sources.iter().skip(1).map(ToString::to_string).collect();
        if others.is_empty() {
            e
        } else {
            e.with_note(format!(
                "(and {} more unreadable files: {})",
                others.len(),
                others.join("; ")
            ))
        }
    }

    /// The same error for a policy given as a dict: the position in the
    /// JSON text made from the dict means nothing to its author, so it is
    /// left out (the path in the dict stays).
    pub(crate) fn in_mapping(mut self) -> Self {
        self.0.message = without_position(&self.0.message);
        self.0.line = None;
        self.0.column = None;
        self
    }

    /// A rates file that could not be read, named `file`: the message of
    /// the CLI's `--rates`, and the line of the first problem (the message
    /// lists every one).
    pub(crate) fn rates_file(err: &RatesFileError, file: &str) -> Self {
        let mut e = Error::new(Class::Load, format!("{file}: {err}")).in_file(file);
        let first = err.problems().first().and_then(|p| p.path.line());
        e.0.line = first;
        e.0.kind = Some(if first.is_some() { "data" } else { "io" });
        e
    }

    /// Rows of exchange rates that could not be read, each with its
    /// 0-based index: every one in the message, the first as the path.
    pub(crate) fn rate_rows(problems: &[(usize, String)]) -> Self {
        let listed: Vec<String> = problems
            .iter()
            .map(|(row, message)| format!("row {row}: {message}"))
            .collect();
        let first = problems.first().map_or(0, |(row, _)| *row);
        Error::value(format!(
            "{} row(s) of the rates could not be read: {}",
            problems.len(),
            listed.join("; ")
        ))
        .at(format!("/{first}"))
    }

    /// A value outside its domain.
    pub(crate) fn value(err: impl std::fmt::Display) -> Self {
        Error::new(Class::InvalidValue, err.to_string())
    }

    /// Builds the Python exception.
    fn into_pyerr(self, py: Python<'_>) -> PyErr {
        let d = *self.0;
        let build = || -> PyResult<PyErr> {
            let class = py.import("ssr_model._errors")?.getattr(d.class.name())?;
            let kwargs = PyDict::new(py);
            kwargs.set_item("path", d.path)?;
            kwargs.set_item("line", d.line)?;
            kwargs.set_item("column", d.column)?;
            kwargs.set_item("file", d.file)?;
            kwargs.set_item("kind", d.kind)?;
            let value = class.call((d.message,), Some(&kwargs))?;
            Ok(PyErr::from_value(value))
        };
        build().unwrap_or_else(|e| e)
    }
}

impl From<Error> for PyErr {
    fn from(err: Error) -> PyErr {
        Python::attach(|py| err.into_pyerr(py))
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.message)
    }
}

/// `message` without serde's " at line N column M" positions.
fn without_position(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(" at line ") {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let tail = &after[" at line ".len()..];
        let digits = tail.chars().take_while(char::is_ascii_digit).count();
        let Some(column) = tail[digits..].strip_prefix(" column ") else {
            out.push_str(" at line ");
            rest = tail;
            continue;
        };
        let digits = column.chars().take_while(char::is_ascii_digit).count();
        rest = &column[digits..];
    }
    out.push_str(rest);
    out
}
