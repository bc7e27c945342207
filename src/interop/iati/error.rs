//! Why an IATI file could not be read at all.

/// An IATI file that cannot be read: unreadable, not well-formed XML, not an
/// `iati-activities` document, or of a version this importer does not read.
///
/// Problems *inside* a well-formed activity are never errors: they become
/// import findings and the rest of the activity still imports.
///
/// ```
/// use ssr_model::interop::iati;
/// use ssr_model::interop::iati::ImportError;
///
/// let err = iati::activities("<iati-organisations version=\"2.03\"/>".as_bytes()).err().unwrap();
/// assert!(matches!(err, ImportError::WrongRoot { line: 1, .. }));
/// assert_eq!(
///     err.to_string(),
///     "line 1: expected an <iati-activities> root element, found <iati-organisations>"
/// );
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The source could not be read.
    #[error("cannot read the IATI file: {0}")]
    Io(#[from] std::io::Error),
    /// The text is not well-formed XML.
    #[error("line {line}: malformed XML: {message}")]
    Xml {
        /// 1-based line where the problem was found.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// The file ends before the document does (a truncated file).
    #[error("line {line}: the file ends inside <{element}>: is it truncated?")]
    Truncated {
        /// 1-based line of the end of the file.
        line: u64,
        /// The element left open.
        element: String,
    },
    /// The root element is not `iati-activities`.
    #[error(
        "line {line}: expected an <iati-activities> root element, found {}",
        display_found(found)
    )]
    WrongRoot {
        /// 1-based line of the root element (or of the end of the file).
        line: u64,
        /// The root element found, empty for a document without one.
        found: String,
    },
    /// The document declares an IATI version this importer does not read.
    #[error(
        "line {line}: unsupported IATI version {}: this importer reads versions 2.01 to 2.03",
        display_version(found.as_deref())
    )]
    UnsupportedVersion {
        /// 1-based line of the root element.
        line: u64,
        /// The declared version; `None` when the `version` attribute is missing.
        found: Option<String>,
    },
    /// The importer failed on this file through a bug of its own (a panic,
    /// caught so that the other files of a corpus still import). Please
    /// report it with the file.
    #[error("the importer failed on this file (a bug; please report it with the file): {message}")]
    Internal {
        /// The panic's message.
        message: String,
    },
}

fn display_found(found: &str) -> String {
    if found.is_empty() {
        "no element".to_owned()
    } else {
        format!("<{found}>")
    }
}

fn display_version(found: Option<&str>) -> String {
    match found {
        Some(v) => format!("{v:?}"),
        None => "(no version attribute)".to_owned(),
    }
}

impl ImportError {
    /// The 1-based line the error refers to, when it refers to one.
    pub fn line(&self) -> Option<u64> {
        match self {
            ImportError::Io(_) | ImportError::Internal { .. } => None,
            ImportError::Xml { line, .. }
            | ImportError::Truncated { line, .. }
            | ImportError::WrongRoot { line, .. }
            | ImportError::UnsupportedVersion { line, .. } => Some(*line),
        }
    }
}
