//! Many files as one portfolio: activities deduplicated by identifier.

use std::collections::HashMap;

use crate::Portfolio;
use crate::validate::{Code, Finding, Report, Severity};

use super::findings;
use super::{CorpusItem, ImportError, ImportedActivity};
use crate::diagnostics::XmlLocation;

/// What one source of a corpus gave.
///
/// ```
/// use ssr_model::interop::iati::{Corpus, ImportOptions, Source};
///
/// let xml = r#"<iati-activities version="2.03"><iati-activity><iati-identifier>XM-1</iati-identifier>
///   <title><narrative>Police reform</narrative></title><recipient-country code="LR"/>
///   </iati-activity></iati-activities>"#;
/// let import = Corpus::new(ImportOptions::new())
///     .with_source(Source::reader("good.xml", xml.as_bytes()))
///     .with_source(Source::reader("empty.xml", &b""[..]))
///     .import();
/// let [good, empty] = &import.files[..] else { panic!("one summary per source") };
/// assert_eq!((good.name.as_str(), good.activities, good.error.is_none()), ("good.xml", 1, true));
/// assert_eq!((empty.name.as_str(), empty.activities, empty.error.is_some()), ("empty.xml", 0, true));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct FileSummary {
    /// The source's name (its path as given, or `<stdin>`).
    pub name: String,
    /// Its `iati-activity` elements read, imported or not.
    pub activities: usize,
    /// How many of them the filter left out.
    pub filtered_out: usize,
    /// Why the source could not be read to its end, when it could not.
    pub error: Option<ImportError>,
}

/// Several IATI files imported as one portfolio ([`CorpusBuilder::finish`],
/// [`Corpus::import`](super::Corpus::import)).
///
/// ```
/// use ssr_model::interop::iati::{Corpus, Filter, ImportOptions};
///
/// let options = ImportOptions::new().with_filter(Filter::new().with_sector_prefix("152")?);
/// let import = Corpus::new(options).with_path("tests/fixtures/iati/corpus").import();
/// // Every activity read is a programme, a duplicate dropped, or left out by the filter.
/// assert_eq!(
///     import.activities(),
///     import.portfolio.programmes.len() + import.duplicates + import.filtered_out()
/// );
/// // The files that are not IATI XML are reported, by name, and the rest imported.
/// assert!(import.files.iter().any(|f| f.error.is_some()));
/// assert!(!import.portfolio.programmes.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct CorpusImport {
    /// The programmes, deduplicated: in order of the sources, and within a
    /// source in file order; a programme that replaced an earlier version
    /// takes that version's place.
    pub portfolio: Portfolio,
    /// Every finding: unreadable files (`iati_unreadable_file`) first, then
    /// those of each kept activity in portfolio order, then the dropped
    /// duplicates (`iati_duplicate_activity`). Messages start with the
    /// source's name.
    pub report: Report,
    /// Per source, in order.
    pub files: Vec<FileSummary>,
    /// How many activities were dropped as duplicates.
    pub duplicates: usize,
}

impl CorpusImport {
    /// The `iati-activity` elements read in all sources.
    pub fn activities(&self) -> usize {
        self.files.iter().map(|f| f.activities).sum()
    }

    /// How many of them the filter left out.
    pub fn filtered_out(&self) -> usize {
        self.files.iter().map(|f| f.filtered_out).sum()
    }
}

/// A source of a [`CorpusBuilder`], as [`CorpusBuilder::add_source`]
/// numbers them from 0.
///
/// ```
/// use ssr_model::interop::iati::CorpusBuilder;
///
/// let mut builder = CorpusBuilder::new();
/// let first = builder.add_source("2021-05/activities.xml");
/// let second = builder.add_source("2021-06/activities.xml");
/// assert_eq!((first.index(), second.index()), (0, 1));
/// let import = builder.finish();
/// assert_eq!(import.files[second.index()].name, "2021-06/activities.xml");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceId(usize);

impl SourceId {
    /// The source's position among the builder's sources, from 0.
    pub fn index(self) -> usize {
        self.0
    }
}

/// One activity kept so far, and the source it came from.
struct Kept {
    source: SourceId,
    activity: ImportedActivity,
}

/// Builds one portfolio from the activities of many sources, keeping one
/// activity per `iati-identifier`: the one with the latest
/// [`last_updated`](ImportedActivity::last_updated). When the dates are
/// equal, or either is unknown, the one added first is kept and the finding
/// is a warning rather than advice, since which version is current cannot be
/// told. Each dropped activity is an `iati_duplicate_activity` finding
/// naming both sources and lines; its own findings go with it. Activities
/// without an identifier are never duplicates.
///
/// The result depends only on the order in which sources and activities are
/// added, never on timing: [`Corpus`](super::Corpus) adds them in source
/// order whatever the number of threads.
///
/// ```
/// use ssr_model::interop::iati;
/// use ssr_model::interop::iati::CorpusBuilder;
///
/// let file = |updated: &str, title: &str| format!(
///     r#"<iati-activities version="2.03"><iati-activity last-updated-datetime="{updated}">
///     <iati-identifier>XM-EX-1</iati-identifier><title><narrative>{title}</narrative></title>
///     <activity-status code="2"/><recipient-country code="LR"/></iati-activity></iati-activities>"#);
/// let mut builder = CorpusBuilder::new();
/// for (name, xml) in [
///     ("new.xml", file("2021-06-01T00:00:00Z", "Police reform, phase 2")),
///     ("old.xml", file("2021-05-01T00:00:00Z", "Police reform")),
/// ] {
///     let source = builder.add_source(name);
///     for activity in iati::activities(xml.as_bytes())? {
///         builder.add(source, activity?);
///     }
/// }
/// let corpus = builder.finish();
/// assert_eq!(corpus.duplicates, 1);
/// assert_eq!(corpus.portfolio.programmes[0].name, "Police reform, phase 2");
/// let finding = &corpus.report.findings()[0];
/// assert_eq!(finding.code.as_str(), "iati_duplicate_activity");
/// assert!(finding.message.contains("old.xml") && finding.message.contains("new.xml"));
/// # Ok::<(), iati::ImportError>(())
/// ```
#[derive(Default)]
pub struct CorpusBuilder {
    files: Vec<FileSummary>,
    kept: Vec<Kept>,
    by_identifier: HashMap<String, usize>,
    duplicates: Vec<Finding>,
    /// The ids of the sources started by [`CorpusItem::Start`], by number.
    item_sources: Vec<SourceId>,
}

impl std::fmt::Debug for CorpusBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CorpusBuilder")
            .field("files", &self.files)
            .field("kept", &self.kept.len())
            .field("duplicates", &self.duplicates.len())
            .finish()
    }
}

/// Which of two versions of an activity to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    Earlier,
    Later,
    /// Equal or unknown dates: the earlier, with a warning.
    Undecided,
}

fn choose(earlier: &ImportedActivity, later: &ImportedActivity) -> Keep {
    match (earlier.last_updated, later.last_updated) {
        (Some(a), Some(b)) if b > a => Keep::Later,
        (Some(a), Some(b)) if a > b => Keep::Earlier,
        _ => Keep::Undecided,
    }
}

fn describe(activity: &ImportedActivity) -> String {
    match activity.last_updated {
        Some(t) => format!("last updated {t}"),
        None => "last update unknown".to_owned(),
    }
}

impl CorpusBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        CorpusBuilder::default()
    }

    /// Starts a source called `name`; returns its id, for [`add`](Self::add).
    pub fn add_source(&mut self, name: impl Into<String>) -> SourceId {
        self.files.push(FileSummary {
            name: name.into(),
            activities: 0,
            filtered_out: 0,
            error: None,
        });
        SourceId(self.files.len() - 1)
    }

    /// Applies `change` to the summary of `source`. An id from another
    /// builder, beyond this one's sources, adds sources named `source N` up
    /// to it rather than losing what is added.
    fn with_file(&mut self, source: SourceId, change: impl FnOnce(&mut FileSummary)) {
        while self.files.len() <= source.0 {
            let name = format!("source {}", self.files.len() + 1);
            self.add_source(name);
        }
        if let Some(file) = self.files.get_mut(source.0) {
            change(file);
        }
    }

    fn file_name(&self, source: SourceId) -> &str {
        self.files.get(source.0).map_or("?", |f| f.name.as_str())
    }

    /// Adds an activity read from `source`.
    ///
    pub fn add(&mut self, source: SourceId, activity: ImportedActivity) {
        self.with_file(source, |f| f.activities += 1);
        let slot = if activity.identifier.is_empty() {
            None
        } else {
            self.by_identifier.get(&activity.identifier).copied()
        };
        let Some(slot) = slot else {
            if !activity.identifier.is_empty() {
                self.by_identifier
                    .insert(activity.identifier.clone(), self.kept.len());
            }
            self.kept.push(Kept { source, activity });
            return;
        };
        let new = Kept { source, activity };
        let Some(old) = self.kept.get_mut(slot) else {
            return;
        };
        let keep = choose(&old.activity, &new.activity);
        let (kept, dropped) = if keep == Keep::Later {
            let old = std::mem::replace(old, new);
            (slot, old)
        } else {
            (slot, new)
        };
        self.record_duplicate(kept, &dropped, keep);
    }

    fn record_duplicate(&mut self, kept: usize, dropped: &Kept, keep: Keep) {
        let Some(winner) = self.kept.get(kept) else {
            return;
        };
        let why = match keep {
            Keep::Undecided => "the dates do not tell which is current; the one read first is kept",
            _ => "the later update is kept",
        };
        let message = format!(
            "{}: activity {} (line {}, {}) dropped: the same identifier is in {} (line {}, {}); {why}",
            self.file_name(dropped.source),
            dropped.activity.identifier,
            dropped.activity.line,
            describe(&dropped.activity),
            self.file_name(winner.source),
            winner.activity.line,
            describe(&winner.activity),
        );
        let severity = if keep == Keep::Undecided {
            Severity::Warning
        } else {
            Severity::Advice
        };
        let path = findings::activity(dropped.activity.position)
            .element("iati-identifier")
            .with_line(dropped.activity.line);
        self.duplicates
            .push(Finding::new(Code::IatiDuplicateActivity, path, message).with_severity(severity));
    }

    /// Records that the filter left out `count` activities of `source`.
    pub fn add_filtered_out(&mut self, source: SourceId, count: usize) {
        self.with_file(source, |f| {
            f.activities += count;
            f.filtered_out += count;
        });
    }

    /// Records that `source` could not be read (further); what was added
    /// from it before stays.
    pub fn fail(&mut self, source: SourceId, error: ImportError) {
        self.with_file(source, |f| f.error = Some(error));
    }

    /// Adds one item of [`Corpus::activities`](super::Corpus::activities):
    /// a `Start` adds a source, the others go to the source of that number.
    /// Items of a source before its `Start` are ignored.
    pub fn add_item(&mut self, item: CorpusItem) {
        let id = |n: usize, ids: &[SourceId]| ids.get(n).copied();
        match item {
            CorpusItem::Start { name, .. } => {
                let id = self.add_source(name);
                self.item_sources.push(id);
            }
            CorpusItem::Activity { source, activity } => {
                if let Some(id) = id(source, &self.item_sources) {
                    self.add(id, *activity);
                }
            }
            CorpusItem::Failed { source, error } => {
                if let Some(id) = id(source, &self.item_sources) {
                    self.fail(id, error);
                }
            }
            CorpusItem::Done {
                source,
                filtered_out,
                ..
            } => {
                if let Some(id) = id(source, &self.item_sources) {
                    self.add_filtered_out(id, filtered_out);
                }
            }
        }
    }

    /// The portfolio, the report and the per-source summaries.
    pub fn finish(self) -> CorpusImport {
        let mut report = Report::new();
        for file in &self.files {
            if let Some(error) = &file.error {
                report.push(Finding::new(
                    Code::IatiUnreadableFile,
                    XmlLocation::file(),
                    format!("{}: {error}", file.name),
                ));
            }
        }
        let mut portfolio = Portfolio::new();
        for kept in self.kept {
            let name = self
                .files
                .get(kept.source.0)
                .map_or("?", |f| f.name.as_str());
            for mut finding in kept.activity.findings.into_findings() {
                finding.message = format!("{name}: {}", finding.message);
                report.push(finding);
            }
            if let Some(programme) = kept.activity.programme {
                portfolio.programmes.push(programme);
            }
        }
        let duplicates = self.duplicates.len();
        for finding in self.duplicates {
            report.push(finding);
        }
        CorpusImport {
            portfolio,
            report,
            files: self.files,
            duplicates,
        }
    }
}
