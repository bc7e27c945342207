//! Which inputs make an import fail as a whole, rather than give findings:
//! the one rule the command line (exit code 2, no document written) and
//! Python (`IatiError`) share.

use std::fmt;

use super::{CorpusImport, ImportError};

/// Why an import failed as a whole: nothing to read, or a source that is not
/// an IATI activity file (missing, unreadable, empty, an HTML page,
/// truncated, of an unsupported version).
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
    /// The import, or why it fails as a whole: [`ImportFailure::NoSources`]
    /// when there was nothing to read, [`ImportFailure::Unreadable`] when
    /// any source could not be read as IATI (the others' programmes are
    /// then dropped with it, so that no partial portfolio passes for the
    /// whole). Findings, of any severity, never fail it.
    ///
    /// ```
    /// use ssr_model::interop::iati::{Corpus, ImportFailure, ImportOptions};
    ///
    /// let import = Corpus::new(ImportOptions::new()).with_path("tests/fixtures/iati/three-activities.xml").import();
    /// let import = import.into_checked()?;
    /// assert!(!import.portfolio.programmes.is_empty());
    ///
    /// let nothing = Corpus::new(ImportOptions::new()).import();
    /// assert!(matches!(nothing.into_checked(), Err(ImportFailure::NoSources)));
    /// # Ok::<(), ImportFailure>(())
    /// ```
    pub fn into_checked(self) -> Result<CorpusImport, ImportFailure> {
        if self.files.is_empty() {
            return Err(ImportFailure::NoSources);
        }
        if self.files.iter().all(|f| f.error.is_none()) {
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
            .collect();
        Err(ImportFailure::Unreadable { sources })
    }
}
