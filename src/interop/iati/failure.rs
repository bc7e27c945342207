//! Which inputs make an import fail as a whole, rather than give findings:
//! the one rule the command line (exit code 2, no document written) and
//! Python (`IatiError`) share.

use std::fmt;

use super::{CorpusImport, ImportError};

/// Why an import failed as a whole: nothing to read, a path that does not
/// exist, or no source that is an IATI activity file (each unreadable,
/// empty, an HTML page, truncated, of an unsupported version).
///
/// Problems *inside* the activities of a readable file are never this: they
/// are findings of the [`CorpusImport`]'s report, and the activity imports.
/// [`CorpusImport::into_checked`] applies the rule.
///
/// ```
/// use ssr_model::interop::iati::{Corpus, ImportFailure, ImportOptions, Source};
///
/// let import = Corpus::new(ImportOptions::new())
///     .with_source(Source::reader("page.html", &b"<html><body>Not found</body></html>"[..]))
///     .import();
/// let Err(ImportFailure::Unreadable { sources }) = import.into_checked() else { panic!("an HTML page is not IATI") };
/// assert_eq!(sources[0].name, "page.html");
/// assert_eq!(sources[0].error.line(), Some(1));
/// assert_eq!(
///     sources[0].to_string(),
///     "page.html: line 1: expected an <iati-activities> root element, found <html>"
/// );
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportFailure {
    /// There was no source: no path given, or the folders given hold no
    /// `*.xml` file.
    #[error("no IATI file to read: no path given, or the folders given hold no *.xml file")]
    NoSources,
    /// Sources that could not be read as IATI activity files, in order; the
    /// message has one line per source.
    #[error("{}", lines(sources))]
    Unreadable {
        /// Each source that could not be read, with the reason.
        sources: Vec<UnreadableSource>,
    },
}

/// A source of an import that could not be read, and why.
///
/// ```
/// use ssr_model::interop::iati::{Corpus, ImportFailure, ImportOptions};
///
/// let import = Corpus::new(ImportOptions::new()).with_path("no/such/file.xml").import();
/// let Err(ImportFailure::Unreadable { sources }) = import.into_checked() else { panic!("a missing file") };
/// assert!(sources[0].to_string().starts_with("no/such/file.xml: cannot read the IATI file"));
/// assert_eq!(sources[0].error.line(), None);
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct UnreadableSource {
    /// The source's name (its path as given, or `<stdin>`).
    pub name: String,
    /// Why it could not be read, with the line where known.
    pub error: ImportError,
}

impl fmt::Display for UnreadableSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.error)
    }
}

fn lines(sources: &[UnreadableSource]) -> String {
    let lines: Vec<String> = sources.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

impl CorpusImport {
    /// The import, or why it fails as a whole.
    ///
    /// - [`ImportFailure::NoSources`]: there was nothing to read.
    /// - [`ImportFailure::Unreadable`]: a path given does not exist (a
    ///   mistyped name), or no source at all could be read as IATI (a
    ///   single HTML page, an empty file): there is no portfolio to speak
    ///   of, and an empty one would pass for an answer.
    ///
    /// Otherwise the import stands: one bad file in a folder (a download
    /// that saved an error page, a file cut off) never costs the others.
    /// It stays in [`files`](CorpusImport::files) with its error and is an
    /// error-level `iati_unreadable_file` finding of the report, so the
    /// caller says so (the command line exits 1; Python warns). Findings,
    /// of any severity, never fail the import.
    ///
    /// ```
    /// use ssr_model::interop::iati::{Corpus, ImportFailure, ImportOptions};
    ///
    /// let import = Corpus::new(ImportOptions::new()).with_path("tests/fixtures/iati/three-activities.xml").import();
    /// let import = import.into_checked()?;
    /// assert!(!import.portfolio.programmes.is_empty());
    ///
    /// // A folder with good files and unreadable ones: the good ones import.
    /// let corpus = Corpus::new(ImportOptions::new()).with_path("tests/fixtures/iati/corpus").import();
    /// let corpus = corpus.into_checked()?;
    /// assert!(corpus.files.iter().any(|f| f.error.is_some()));
    /// assert!(!corpus.portfolio.programmes.is_empty());
    ///
    /// let nothing = Corpus::new(ImportOptions::new()).import();
    /// assert!(matches!(nothing.into_checked(), Err(ImportFailure::NoSources)));
    /// # Ok::<(), ImportFailure>(())
    /// ```
    pub fn into_checked(self) -> Result<CorpusImport, ImportFailure> {
        if self.files.is_empty() {
            return Err(ImportFailure::NoSources);
        }
        let missing = |e: &ImportError| matches!(e, ImportError::Io(io) if io.kind() == std::io::ErrorKind::NotFound);
        let any_missing = self
            .files
            .iter()
            .any(|f| f.error.as_ref().is_some_and(missing));
        let none_read = self.files.iter().all(|f| f.error.is_some());
        if !(any_missing || none_read) {
            return Ok(self);
        }
        let sources = self
            .files
            .into_iter()
            .filter_map(|f| {
                f.error.map(|error| UnreadableSource {
                    name: f.name,
                    error,
                })
            })
            .filter(|s| none_read || missing(&s.error))
            .collect();
        Err(ImportFailure::Unreadable { sources })
    }
}
