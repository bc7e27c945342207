//! The versioned JSON document format.
//!
//! A document is one JSON object holding a portfolio:
//!
//! ```json
//! {
//!   "schema_version": 5,
//!   "name": "West Africa SSR",
//!   "programmes": [ { "id": "…", "name": "…", "recipients": [{"country": "LBR"}], … } ]
//! }
//! ```
//!
//! Field by field, the document follows the model types' serde form:
//! every struct field of [`Programme`](crate::Programme) and the types it
//! holds is a JSON member of the same name; optional fields and empty lists
//! may be left out; enums are `snake_case` strings; ids are UUID strings;
//! dates are `YYYY-MM-DD`; money is `{"amount": "1250000.50", "currency":
//! "USD"}` with the amount as a decimal string; indicator values are numbers
//! or label strings; 1–5 levels, weights, percentages and fractions are
//! numbers checked against their range. Unknown members are rejected by name,
//! so a misspelt field never passes silently.
//!
//! `schema_version` is [`SCHEMA_VERSION`]. A document from a newer version is
//! refused with [`LoadError::UnsupportedVersion`] rather than half-read.
//!
//! ## Versions
//!
//! - **5**: the attributes a funding analyst filters by. A programme may
//!   give its `reporting_org` (`reference`, `type`, `name`), its
//!   `default_classification` (`flow_type`, `finance_type`, `aid_types`
//!   as `[{"vocabulary": "2", "code": "3"}]` with vocabulary 1 left out,
//!   `tied_status`), `collaboration_type`, `humanitarian` (true or false),
//!   `humanitarian_scopes` (`type`, `vocabulary`, `vocabulary_uri`, `code`,
//!   `narrative`), every `policy_markers` entry (`vocabulary`, `code`,
//!   `significance`, `narrative`), `locations` (`reference`, `name`,
//!   `administrative` areas with `vocabulary`, `level` and `code`, `point`
//!   `{"latitude": 6.3, "longitude": -10.8}`, `exactness`) and
//!   `related_activities` (`activity`, `type`). A transaction may give its
//!   own `classification` (overriding the programme's default attribute by
//!   attribute) and `humanitarian`. Codes are strings as written, on a
//!   codelist or not. Every member is optional: version-4 documents have
//!   none and load unchanged in meaning (each attribute unknown). Saving
//!   writes version 5.
//! - **4**: a recipient (of a programme or a transaction) may be a code
//!   on neither IATI codelist, kept as its source wrote it:
//!   `{"unlisted": "QZ", "percentage": 60}`, and for a transaction
//!   `"recipient": {"unlisted": "QZ"}`. A transaction may name the IATI
//!   activities its money comes from and goes to, `provider_activity` and
//!   `receiver_activity` (the links of funding chains). Version-3
//!   documents have neither and load unchanged in meaning.
//! - **3**: sectors of every vocabulary, and a period may give the date
//!   its actual was measured on. A sector is `{"vocabulary": "2",
//!   "code": "152", "percentage": 40}`, its code a string as written
//!   (`vocabulary` left out for DAC purpose codes, vocabulary 1); a
//!   transaction's sectors are a list, `sectors`. A period's `actual_date`
//!   dates an interim value inside a long period; without it the actual
//!   counts as measured at the period's end, as before. Version-2
//!   documents load unchanged in meaning: a sector code written as a
//!   number is read as its text, a transaction's single `sector` becomes
//!   its one sector, and there is no `actual_date`. Saving writes
//!   version 3.
//! - **2**: a programme's countries and regions are `recipients`, each
//!   `{"country": "MLI", "percentage": 60}` or `{"region": 298}`; programmes
//!   gain `transactions` and `budgets` (by period). Optional members
//!   added within version 2, absent from older documents and left out when
//!   empty: an indicator's `objectives`, an objective's `parent`, a
//!   breakdown's `baseline` and `additive`.
//! - **1**: a programme had one `"country": "LBR"`. Version-1 documents
//!   still load, upgraded on read: the country becomes the programme's one
//!   recipient, with no share (nothing else changed, so nothing is lost).
//!   The upgrade is per programme and does not
//!   look at the version number, so a reader also accepts the old
//!   `country` member.
//!
//! ```
//! use ssr_model::document;
//!
//! let v1 = r#"{"schema_version": 1, "programmes": [{"id": "90b72b77-0af5-5637-915b-ffe4a32e7a0d",
//!     "name": "Police reform", "country": "LBR", "context": "peace_operation", "phase": "design"}]}"#;
//! let portfolio = document::from_str(v1)?;
//! assert_eq!(portfolio.programmes[0].single_country().map(|c| c.name()), Some("Liberia"));
//! assert!(document::to_string(&portfolio)?.contains(r#""recipients":[{"country":"LBR"}]"#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ```
//! use ssr_model::{Country, Portfolio, Programme, document};
//!
//! let portfolio = Portfolio::new().with_programme(Programme::new("Police reform", Country::new("LBR")?));
//! let json = document::to_string_pretty(&portfolio)?;
//! assert_eq!(document::from_str(&json)?, portfolio);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::Read;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Pointer;

use crate::Portfolio;

/// The schema version this crate writes, and the newest it reads.
pub const SCHEMA_VERSION: u32 = 5;

/// What kind of problem stopped a document from loading.
///
/// ```
/// use ssr_model::document;
/// use ssr_model::document::{LoadError, ParseErrorKind};
///
/// let kind = |text: &str| match document::from_str(text) {
///     Err(LoadError::Parse { kind, .. }) => Some(kind),
///     _ => None,
/// };
/// assert_eq!(kind(r#"{"schema_version": 2, "programmes": [}"#), Some(ParseErrorKind::Syntax));
/// assert_eq!(kind(r#"{"schema_version": 2, "programmes": ["#), Some(ParseErrorKind::Truncated));
/// assert_eq!(kind(r#"{"schema_version": "two"}"#), Some(ParseErrorKind::Data));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The text is not well-formed JSON.
    Syntax,
    /// The text ends before the document does (a truncated file).
    Truncated,
    /// Well-formed JSON that does not fit the format: a wrong type, a value
    /// out of range, a missing or unknown field.
    Data,
}

/// Why a document could not be loaded.
///
/// Parse errors carry the JSON Pointer path of the offending value, and the
/// line and column where the parser stopped.
///
/// ```
/// use ssr_model::document;
/// use ssr_model::document::LoadError;
///
/// let err = document::from_str(r#"{"schema_version": 1, "programmes": [{"nmae": "x"}]}"#).unwrap_err();
/// match &err {
///     LoadError::Parse { path, message, .. } => {
///         assert_eq!(path, "/programmes/0/nmae");
///         assert!(message.contains("unknown field `nmae`"));
///     }
///     other => panic!("unexpected {other}"),
/// }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The document could not be read.
    #[error("cannot read the document: {0}")]
    Io(#[from] std::io::Error),
    /// The document could not be parsed.
    #[non_exhaustive]
    #[error("{message} at {} (line {line}, column {column})", path.in_words())]
    Parse {
        /// What kind of problem it is.
        kind: ParseErrorKind,
        /// JSON Pointer to the offending value (the root for the whole document).
        path: Pointer,
        /// 1-based line where parsing stopped.
        line: usize,
        /// 1-based column where parsing stopped.
        column: usize,
        /// What was expected and what was found.
        message: String,
    },
    /// The document was written for a newer schema than this crate reads.
    #[non_exhaustive]
    #[error(
        "document has schema_version {found}, but this version of ssr-model reads versions 1 to {supported}{}",
        upgrade_hint(*found, *supported)
    )]
    UnsupportedVersion {
        /// The version the document declares.
        found: u64,
        /// The newest version this crate reads.
        supported: u32,
    },
}

/// Upgrading helps only with documents from a newer version (0 never existed).
fn upgrade_hint(found: u64, supported: u32) -> &'static str {
    if found > u64::from(supported) {
        "; upgrade ssr-model to read it"
    } else {
        ""
    }
}

/// Why a portfolio could not be written.
///
/// Writing to a destination that fails:
///
/// ```
/// use std::io;
/// use ssr_model::document;
/// use ssr_model::document::SaveError;
///
/// struct DiskFull;
/// impl io::Write for DiskFull {
///     fn write(&mut self, _: &[u8]) -> io::Result<usize> {
///         Err(io::Error::other("no space left on device"))
///     }
///     fn flush(&mut self) -> io::Result<()> {
///         Ok(())
///     }
/// }
///
/// let err: SaveError = document::to_writer(DiskFull, &ssr_model::samples::portfolio()).unwrap_err();
/// assert!(err.to_string().starts_with("cannot write the document"));
/// assert!(err.to_string().contains("no space left on device"));
/// ```
#[derive(Debug, thiserror::Error)]
#[error("cannot write the document: {0}")]
pub struct SaveError(#[from] serde_json::Error);

#[derive(Serialize)]
struct DocumentOut<'a> {
    schema_version: u32,
    #[serde(flatten)]
    portfolio: &'a Portfolio,
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a portfolio document (a JSON object with a schema_version)"
)]
struct DocumentIn {
    schema_version: u64,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    programmes: Vec<crate::Programme>,
}

/// Reads only the version, to explain a failure in a newer document.
#[derive(Deserialize)]
struct VersionProbe {
    schema_version: u64,
}

/// Loads a portfolio from a JSON document.
///
/// # Errors
///
/// [`LoadError::Parse`] with the path, line and column of the first problem;
/// [`LoadError::UnsupportedVersion`] for a document of a newer schema.
///
/// # Examples
///
/// ```
/// use ssr_model::document;
/// use ssr_model::document::LoadError;
///
/// let json = r#"{
///   "schema_version": 2,
///   "name": "West Africa",
///   "programmes": [{
///     "id": "90b72b77-0af5-5637-915b-ffe4a32e7a0d",
///     "name": "Police reform",
///     "recipients": [{"country": "LBR"}],
///     "context": "peace_operation",
///     "phase": "implementation"
///   }]
/// }"#;
/// let portfolio = document::from_str(json)?;
/// assert_eq!(portfolio.name.as_deref(), Some("West Africa"));
/// assert_eq!(portfolio.programmes[0].name, "Police reform");
///
/// // A value out of range: the error names where it is.
/// let bad = json.replace(r#""recipients": [{"country": "LBR"}]"#, r#""recipients": [{"country": "LBR", "percentage": 120}]"#);
/// match document::from_str(&bad) {
///     Err(LoadError::Parse { path, line, .. }) => {
///         assert_eq!(path, "/programmes/0/recipients/0/percentage");
///         assert_eq!(line, 7);
///     }
///     other => panic!("expected a parse error, got {other:?}"),
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_str(text: &str) -> Result<Portfolio, LoadError> {
    from_slice(text.as_bytes())
}

/// Loads a portfolio from JSON bytes. See [`from_str`].
///
/// # Errors
///
/// As [`from_str`].
///
/// # Examples
///
/// ```
/// use ssr_model::document;
///
/// // A UTF-8 byte-order mark, as some Windows editors write, is read past.
/// let bytes = b"\xEF\xBB\xBF{\"schema_version\": 2, \"programmes\": []}";
/// let portfolio = document::from_slice(bytes)?;
/// assert!(portfolio.programmes.is_empty());
/// assert!(document::from_slice(b"[1, 2]").is_err()); // a document is an object
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_slice(bytes: &[u8]) -> Result<Portfolio, LoadError> {
    // A UTF-8 byte-order mark is not JSON, but editors on Windows write one
    // (and the IATI importer accepts it): read past it. Line and column are
    // then counted from after it, where the visible text starts.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(error) = not_an_object(bytes) {
        return Err(error);
    }
    // The fast path tracks no paths; only a failing document is parsed a
    // second time, with path tracking, to say where it failed.
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let fast = DocumentIn::deserialize(&mut de).and_then(|doc| de.end().map(|()| doc));
    let parsed = match fast {
        Ok(doc) => Ok(doc),
        Err(_) => {
            let mut de = serde_json::Deserializer::from_slice(bytes);
            serde_path_to_error::deserialize::<_, DocumentIn>(&mut de)
                .map_err(|e| (crate::diagnostics::path::pointer(e.path()), e.into_inner()))
                .and_then(|doc| de.end().map(|()| doc).map_err(|e| (Pointer::root(), e)))
        }
    };
    match parsed {
        Ok(doc) => {
            check_version(doc.schema_version)?;
            Ok(Portfolio {
                name: doc.name,
                programmes: doc.programmes,
            })
        }
        Err((path, error)) => {
            // A newer document may fail on fields this version does not know;
            // say so rather than report the first unknown field.
            if let Ok(probe) = serde_json::from_slice::<VersionProbe>(bytes) {
                check_version(probe.schema_version)?;
            }
            Err(parse_error(path, &error))
        }
    }
}

/// serde's derived structs also accept a JSON array of their fields in
/// order; a document is an object, so refuse anything else up front.
fn not_an_object(bytes: &[u8]) -> Option<LoadError> {
    let (index, &first) = bytes
        .iter()
        .enumerate()
        .find(|(_, b)| !b.is_ascii_whitespace())?;
    if first == b'{' {
        return None;
    }
    let before = bytes.get(..index).unwrap_or_default();
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + before.iter().rev().take_while(|&&b| b != b'\n').count();
    let rest = bytes.get(index..).unwrap_or_default();
    // Only a whole literal is one: `not json` is a syntax error.
    let literal = |word: &[u8]| {
        rest.strip_prefix(word)
            .is_some_and(|after| after.first().is_none_or(|b| !b.is_ascii_alphanumeric()))
    };
    let found = match first {
        b'[' => "an array",
        b'"' => "a string",
        b't' | b'f' if literal(b"true") || literal(b"false") => "a boolean",
        b'n' if literal(b"null") => "null",
        b'-' | b'0'..=b'9' => "a number",
        _ => return None, // not JSON at all: let the parser describe it
    };
    Some(LoadError::Parse {
        kind: ParseErrorKind::Data,
        path: Pointer::root(),
        line,
        column,
        message: format!(
            "invalid type: {found}, expected a portfolio document (a JSON object with a schema_version)"
        ),
    })
}

/// Loads a portfolio from a reader, e.g. a file or standard input.
///
/// # Errors
///
/// [`LoadError::Io`] when reading fails, else as [`from_str`].
///
/// # Examples
///
/// ```
/// use ssr_model::document;
/// use ssr_model::document::LoadError;
///
/// let portfolio = ssr_model::samples::portfolio();
/// let json = document::to_string(&portfolio)?;
/// // Any `Read`: a file, standard input, or here a byte slice.
/// assert_eq!(document::from_reader(json.as_bytes())?, portfolio);
///
/// let newer = r#"{"schema_version": 99, "programmes": []}"#;
/// assert!(matches!(
///     document::from_reader(newer.as_bytes()),
///     Err(LoadError::UnsupportedVersion { found: 99, .. })
/// ));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_reader(mut reader: impl Read) -> Result<Portfolio, LoadError> {
    // Reading everything first is faster than serde_json's byte-by-byte
    // reader, and lets a failure be re-read for its version.
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    from_slice(&bytes)
}

/// Writes a portfolio as a compact JSON document.
///
/// # Errors
///
/// Only if serialisation fails, which the model's types do not cause.
///
/// # Examples
///
/// ```
/// use ssr_model::{Country, Portfolio, Programme, document};
///
/// let portfolio = Portfolio::new().with_programme(Programme::new("Police reform", Country::new("LBR")?));
/// let json = document::to_string(&portfolio)?;
/// assert!(json.starts_with(&format!(r#"{{"schema_version":{}"#, document::SCHEMA_VERSION)));
/// assert!(!json.contains('\n'));
/// assert_eq!(document::from_str(&json)?, portfolio);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_string(portfolio: &Portfolio) -> Result<String, SaveError> {
    Ok(serde_json::to_string(&document(portfolio))?)
}

/// Writes a portfolio as an indented JSON document.
///
/// # Errors
///
/// As [`to_string`].
///
/// # Examples
///
/// ```
/// use ssr_model::document;
///
/// let portfolio = ssr_model::samples::portfolio();
/// let json = document::to_string_pretty(&portfolio)?;
/// assert!(json.starts_with("{\n  \"schema_version\": 5,"));
/// assert_eq!(document::from_str(&json)?, portfolio);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_string_pretty(portfolio: &Portfolio) -> Result<String, SaveError> {
    Ok(serde_json::to_string_pretty(&document(portfolio))?)
}

/// Writes a portfolio as a compact JSON document to a writer.
///
/// ```
/// let portfolio = ssr_model::samples::portfolio();
/// let mut out = Vec::new();
/// ssr_model::document::to_writer(&mut out, &portfolio)?;
/// assert_eq!(ssr_model::document::from_slice(&out)?, portfolio);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// When writing fails.
pub fn to_writer(writer: impl std::io::Write, portfolio: &Portfolio) -> Result<(), SaveError> {
    Ok(serde_json::to_writer(writer, &document(portfolio))?)
}

/// Writes a portfolio as an indented JSON document to a writer.
///
/// # Errors
///
/// When writing fails.
///
/// # Examples
///
/// ```
/// let portfolio = ssr_model::samples::portfolio();
/// let mut out = Vec::new();
/// ssr_model::document::to_writer_pretty(&mut out, &portfolio)?;
/// assert_eq!(out, ssr_model::document::to_string_pretty(&portfolio)?.into_bytes());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_writer_pretty(
    writer: impl std::io::Write,
    portfolio: &Portfolio,
) -> Result<(), SaveError> {
    Ok(serde_json::to_writer_pretty(writer, &document(portfolio))?)
}

fn document(portfolio: &Portfolio) -> DocumentOut<'_> {
    DocumentOut {
        schema_version: SCHEMA_VERSION,
        portfolio,
    }
}

fn check_version(found: u64) -> Result<(), LoadError> {
    if found == 0 || found > u64::from(SCHEMA_VERSION) {
        Err(LoadError::UnsupportedVersion {
            found,
            supported: SCHEMA_VERSION,
        })
    } else {
        Ok(())
    }
}

fn parse_error(path: Pointer, error: &serde_json::Error) -> LoadError {
    use serde_json::error::Category;
    let kind = match error.classify() {
        Category::Eof => ParseErrorKind::Truncated,
        Category::Syntax | Category::Io => ParseErrorKind::Syntax,
        Category::Data => ParseErrorKind::Data,
    };
    // serde_json appends " at line L column C"; we report those separately.
    let full = error.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full.get(..i).unwrap_or(&full).to_owned(),
        None => full,
    };
    LoadError::Parse {
        kind,
        path,
        line: error.line(),
        column: error.column(),
        message,
    }
}
