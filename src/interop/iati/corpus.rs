//! Many IATI files read as one corpus: in parallel, in a deterministic
//! order, deduplicated.

use std::num::NonZeroUsize;
use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use super::source::Counted;
use super::{Activities, CorpusBuilder, CorpusImport, ImportError, ImportOptions};
use super::{ImportedActivity, Source};
use crate::parallel::{Ticker, ordered_map};

/// How often [`Corpus::import_with_progress`] reports while files are read.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// A set of IATI sources (files, folders, standard input, readers) to import
/// with one set of [`ImportOptions`].
///
/// - [`Corpus::activities`] streams every activity of every source, one
///   source after the other, holding one activity at a time;
/// - [`Corpus::import`] reads the sources in parallel on every core and
///   builds one deduplicated portfolio ([`CorpusBuilder`]), identical
///   whatever the number of threads: results are added in source order.
///
/// A source that is not IATI XML (empty, an HTML or JSON error page,
/// truncated) is reported with its name and line, and the others still
/// import.
///
/// ```
/// use ssr_model::interop::iati::{Corpus, ImportOptions, Source};
///
/// let activity = |id: &str| format!(
///     r#"<iati-activities version="2.03"><iati-activity><iati-identifier>{id}</iati-identifier>
///     <title><narrative>Justice</narrative></title><recipient-country code="ML"/>
///     </iati-activity></iati-activities>"#);
/// let corpus = Corpus::new(ImportOptions::new())
///     .with_source(Source::reader("a.xml", std::io::Cursor::new(activity("XM-A"))))
///     .with_source(Source::reader("error.html", &b"<!DOCTYPE html><html>503</html>"[..]))
///     .with_source(Source::reader("b.xml", std::io::Cursor::new(activity("XM-B"))));
/// let import = corpus.import();
/// assert_eq!(import.portfolio.programmes.len(), 2);
/// let error = &import.report.findings()[0];
/// assert_eq!(error.code.as_str(), "iati_unreadable_file");
/// assert_eq!(
///     error.message,
///     "error.html: line 1: expected an <iati-activities> root element, found <html>"
/// );
/// ```
#[derive(Debug)]
pub struct Corpus {
    options: ImportOptions,
    sources: Vec<Source>,
    threads: Option<NonZeroUsize>,
}

/// How far a [`Corpus::import_with_progress`] has got.
///
/// ```
/// use ssr_model::interop::iati::{Corpus, ImportOptions};
///
/// let mut last = None;
/// let import = Corpus::new(ImportOptions::new())
///     .with_path("tests/fixtures/iati/corpus")
///     .import_with_progress(|progress| last = Some(progress));
/// let last = last.ok_or("no progress report")?;
/// assert_eq!(last.files, import.files.len()); // the final report counts every file
/// assert_eq!(last.files_done, last.files);
/// assert!(last.bytes > 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Progress {
    /// The sources to read.
    pub files: usize,
    /// The sources read to their end (or to an error).
    pub files_done: usize,
    /// The `iati-activity` elements read so far, kept by the filter or not.
    pub activities: usize,
    /// The bytes read so far.
    pub bytes: u64,
}

/// One step of [`Corpus::activities`]: each source gives a `Start`, its
/// activities, a `Failed` when it cannot be read to its end, and a `Done`.
/// Sources are numbered from 0 in the order they were added.
///
/// ```
/// use ssr_model::interop::iati::{Corpus, CorpusItem, ImportOptions, Source};
///
/// let xml = r#"<iati-activities version="2.03"><iati-activity><iati-identifier>XM-1</iati-identifier>
///   <title><narrative>Police reform</narrative></title><recipient-country code="LR"/>
///   </iati-activity></iati-activities>"#;
/// let corpus = Corpus::new(ImportOptions::new())
///     .with_source(Source::reader("good.xml", xml.as_bytes()))
///     .with_source(Source::reader("cut.xml", &b"<iati-activities version=\"2.03\"><iati-activity>"[..]));
/// let mut steps = Vec::new();
/// for item in corpus.activities() {
///     steps.push(match item {
///         CorpusItem::Start { source, .. } => format!("start {source}"),
///         CorpusItem::Activity { activity, .. } => format!("activity {}", activity.identifier),
///         CorpusItem::Failed { source, .. } => format!("failed {source}"),
///         CorpusItem::Done { source, activities, .. } => format!("done {source}: {activities}"),
///         _ => "other".to_owned(),
///     });
/// }
/// assert_eq!(steps, ["start 0", "activity XM-1", "done 0: 1", "start 1", "failed 1", "done 1: 0"]);
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum CorpusItem {
    /// The start of a source.
    Start {
        /// The source's number.
        source: usize,
        /// Its name ([`Source::name`]).
        name: String,
    },
    /// An activity the filter kept.
    Activity {
        /// The source's number.
        source: usize,
        /// The activity.
        activity: Box<ImportedActivity>,
    },
    /// The source could not be read (further). A `Done` follows.
    Failed {
        /// The source's number.
        source: usize,
        /// Why, with the line.
        error: ImportError,
    },
    /// The end of a source.
    Done {
        /// The source's number.
        source: usize,
        /// Its `iati-activity` elements read, kept or not.
        activities: usize,
        /// How many of them the filter left out.
        filtered_out: usize,
    },
}

impl Corpus {
    /// An empty corpus to be imported with `options`.
    pub fn new(options: ImportOptions) -> Self {
        Corpus {
            options,
            sources: Vec::new(),
            threads: None,
        }
    }

    /// Returns `self` with `source` added last.
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }

    /// Returns `self` with the sources of a command-line path added
    /// ([`Source::expand`]: `-`, a folder, or a file).
    #[must_use]
    pub fn with_path(mut self, path: impl AsRef<Path>) -> Self {
        self.sources.extend(Source::expand(path));
        self
    }

    /// Returns `self` reading with at most `threads` threads (the default is
    /// the number of cores). The result does not depend on it.
    #[must_use]
    pub fn with_threads(mut self, threads: NonZeroUsize) -> Self {
        self.threads = Some(threads);
        self
    }

    /// The sources, in order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Streams the activities of every source, one source after the other,
    /// holding one activity at a time. [`CorpusBuilder::add_item`] builds
    /// the same portfolio as [`import`](Self::import) from them.
    ///
    /// ```
    /// use ssr_model::interop::iati::{Corpus, CorpusBuilder, CorpusItem, ImportOptions, Source};
    ///
    /// let xml = r#"<iati-activities version="2.03"><iati-activity>
    ///   <iati-identifier>XM-1</iati-identifier><recipient-country code="ML"/>
    ///   </iati-activity></iati-activities>"#;
    /// let corpus = Corpus::new(ImportOptions::new())
    ///     .with_source(Source::reader("one.xml", xml.as_bytes()))
    ///     .with_source(Source::reader("again.xml", xml.as_bytes()));
    /// let mut builder = CorpusBuilder::new();
    /// for item in corpus.activities() {
    ///     if let CorpusItem::Activity { activity, .. } = &item {
    ///         assert_eq!(activity.identifier, "XM-1");
    ///     }
    ///     builder.add_item(item);
    /// }
    /// let import = builder.finish();
    /// assert_eq!((import.activities(), import.duplicates), (2, 1));
    /// ```
    pub fn activities(self) -> CorpusActivities {
        CorpusActivities {
            options: self.options,
            sources: self.sources.into_iter().enumerate(),
            current: None,
        }
    }

    /// Imports every source into one deduplicated portfolio; see
    /// [`CorpusBuilder`] for the rule.
    pub fn import(self) -> CorpusImport {
        self.import_with_progress(|_| {})
    }

    /// [`import`](Self::import), calling `progress` every tenth of a second
    /// or so while the sources are read, and once at the end, on the
    /// calling thread.
    pub fn import_with_progress(self, mut progress: impl FnMut(Progress)) -> CorpusImport {
        let files = self.sources.len();
        let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
        let threads = self
            .threads
            .map_or(cores, NonZeroUsize::get)
            .min(files)
            .max(1);
        let counters = Counters::default();
        let options = &self.options;
        let mut builder = CorpusBuilder::new();
        let mut report = || progress(counters.snapshot(files));
        ordered_map(
            self.sources.into_iter().enumerate(),
            threads,
            || (),
            |(), (n, source)| {
                let items = read_source(n, source, options, Some(&counters));
                counters.files_done.fetch_add(1, Ordering::Relaxed);
                items
            },
            // Items of each source in source order, whatever finished first.
            |items| items.into_iter().for_each(|item| builder.add_item(item)),
            Some(Ticker {
                every: PROGRESS_EVERY,
                tick: &mut report,
            }),
        );
        report();
        builder.finish()
    }
}

/// Shared counts for progress reports.
#[derive(Default)]
struct Counters {
    files_done: AtomicUsize,
    activities: AtomicUsize,
    bytes: AtomicU64,
}

impl Counters {
    fn snapshot(&self, files: usize) -> Progress {
        Progress {
            files,
            files_done: self.files_done.load(Ordering::Relaxed),
            activities: self.activities.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        }
    }
}

/// Reads one whole source into items, ending with `Done`.
fn read_source(
    n: usize,
    source: Source,
    options: &ImportOptions,
    counters: Option<&Counters>,
) -> Vec<CorpusItem> {
    let mut items = Vec::new();
    let mut reader = SourceReader::open(n, source, options, counters);
    while let Some(item) = reader.next_item() {
        items.push(item);
    }
    items
}

/// Reads one source item by item.
struct SourceReader<'a> {
    n: usize,
    counters: Option<&'a Counters>,
    /// Activities already added to the progress count.
    counted: usize,
    state: ReaderState<'a>,
}

enum ReaderState<'a> {
    Start(Source, Box<ImportOptions>),
    Reading(Box<Activities<Counted<'a>>>),
    Failing(ImportError, usize, usize),
    Done(usize, usize),
    Finished,
}

impl<'a> SourceReader<'a> {
    fn open(
        n: usize,
        source: Source,
        options: &ImportOptions,
        counters: Option<&'a Counters>,
    ) -> Self {
        SourceReader {
            n,
            counters,
            counted: 0,
            state: ReaderState::Start(source, Box::new(options.clone())),
        }
    }

    fn count(&mut self, seen: usize) {
        if let Some(c) = self.counters {
            c.activities
                .fetch_add(seen.saturating_sub(self.counted), Ordering::Relaxed);
        }
        self.counted = seen;
    }

    /// The next item; a panic while reading this source (a bug of the
    /// importer) becomes this source's error, so the other sources of a
    /// corpus still import.
    fn next_item(&mut self) -> Option<CorpusItem> {
        let source = self.n;
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.step())) {
            Ok(item) => item,
            Err(payload) => {
                self.state = ReaderState::Done(self.counted, 0);
                let error = ImportError::Internal {
                    message: panic_message(payload.as_ref()),
                };
                Some(CorpusItem::Failed { source, error })
            }
        }
    }

    fn step(&mut self) -> Option<CorpusItem> {
        let source = self.n;
        let (item, next) = match std::mem::replace(&mut self.state, ReaderState::Finished) {
            ReaderState::Start(s, options) => {
                let name = s.name().to_owned();
                let opened = s
                    .open(self.counters.map(|c| &c.bytes))
                    .map_err(ImportError::Io)
                    .and_then(|reader| options.activities(reader));
                let next = match opened {
                    Ok(activities) => ReaderState::Reading(Box::new(activities)),
                    Err(e) => ReaderState::Failing(e, 0, 0),
                };
                (CorpusItem::Start { source, name }, next)
            }
            ReaderState::Reading(mut activities) => {
                let item = activities.next();
                let (seen, filtered_out) = (activities.seen(), activities.filtered_out());
                self.count(seen);
                match item {
                    Some(Ok(activity)) => (
                        CorpusItem::Activity {
                            source,
                            activity: Box::new(activity),
                        },
                        ReaderState::Reading(activities),
                    ),
                    Some(Err(error)) => (
                        CorpusItem::Failed { source, error },
                        ReaderState::Done(seen, filtered_out),
                    ),
                    None => (
                        CorpusItem::Done {
                            source,
                            activities: seen,
                            filtered_out,
                        },
                        ReaderState::Finished,
                    ),
                }
            }
            ReaderState::Failing(error, seen, filtered_out) => (
                CorpusItem::Failed { source, error },
                ReaderState::Done(seen, filtered_out),
            ),
            ReaderState::Done(activities, filtered_out) => (
                CorpusItem::Done {
                    source,
                    activities,
                    filtered_out,
                },
                ReaderState::Finished,
            ),
            ReaderState::Finished => return None,
        };
        self.state = next;
        Some(item)
    }
}

/// The text of a panic's payload (`panic!` with a literal or a format).
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

/// The iterator of [`Corpus::activities`].
///
/// ```
/// use ssr_model::interop::iati::{Corpus, CorpusItem, ImportOptions};
///
/// // Stream every activity of a folder, one at a time, in file order.
/// let identifiers: Vec<String> = Corpus::new(ImportOptions::new())
///     .with_path("tests/fixtures/iati/corpus")
///     .activities()
///     .filter_map(|item| match item {
///         CorpusItem::Activity { activity, .. } => Some(activity.identifier),
///         _ => None,
///     })
///     .collect();
/// assert!(!identifiers.is_empty());
/// // Unlike `Corpus::import`, the stream does not deduplicate: both snapshots'
/// // copies of an activity come through.
/// let import = Corpus::new(ImportOptions::new()).with_path("tests/fixtures/iati/corpus").import();
/// assert_eq!(identifiers.len(), import.portfolio.programmes.len() + import.duplicates);
/// ```
pub struct CorpusActivities {
    options: ImportOptions,
    sources: std::iter::Enumerate<std::vec::IntoIter<Source>>,
    current: Option<SourceReader<'static>>,
}

impl std::fmt::Debug for CorpusActivities {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CorpusActivities")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Iterator for CorpusActivities {
    type Item = CorpusItem;

    fn next(&mut self) -> Option<CorpusItem> {
        loop {
            if let Some(item) = self.current.as_mut().and_then(SourceReader::next_item) {
                return Some(item);
            }
            let (n, source) = self.sources.next()?;
            self.current = Some(SourceReader::open(n, source, &self.options, None));
        }
    }
}

impl std::iter::FusedIterator for CorpusActivities {}
