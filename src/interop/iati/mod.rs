//! Import of IATI 2.03 activity files (feature `iati`).
//!
//! Donors publish their SSR work in the [IATI Activity Standard]; this
//! module turns such a file into [`Programme`]s, streaming it one
//! `iati-activity` at a time so that memory is bounded by the largest
//! activity, not by the file. Files of versions 2.01 to 2.03 are read.
//!
//! # Memory and time
//!
//! Peak memory is bounded by the largest activity, whatever its shape:
//! the activity's element tree holds its names, attribute values and text
//! once (text split by child elements, comments, CDATA sections, processing
//! instructions or entity references is appended, not copied again), in
//! buffers reused from one activity to the next, so the tree needs a small
//! multiple of the activity's bytes. What an activity becomes (a programme
//! and its findings) is linear in its size. [`activities`] holds one such
//! result at a time; [`import`] keeps them all, so its memory is linear in
//! what the filter keeps. Time is linear in the file: organisations,
//! funders, budget periods and breakdowns are merged through maps, never by
//! searching what was read before. The tests in `tests/scaling.rs` hold
//! each of these shapes to linear growth.
//!
//! - [`activities`] / [`ImportOptions::activities`]: an iterator of
//!   [`ImportedActivity`] (a programme and its import findings);
//! - [`import`] / [`ImportOptions::import`]: a whole file as a [`Portfolio`]
//!   and one [`Report`] of findings ([`Import`]);
//! - [`Filter`]: keep activities by DAC sector prefix, recipient country or
//!   region, or reporting organisation, decided while streaming;
//! - [`Corpus`]: many files, folders and readers at once, read in parallel
//!   into one portfolio deduplicated by `iati-identifier`
//!   ([`CorpusBuilder`]); [`Corpus::activities`] streams them one source
//!   after the other. A file that is not IATI XML is reported by name and
//!   line, and the others still import.
//!
//! ```
//! use ssr_model::interop::iati;
//! use ssr_model::interop::iati::{Filter, ImportOptions};
//!
//! let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
//! <iati-activities version="2.03">
//!  <iati-activity default-currency="GBP">
//!   <iati-identifier>GB-GOV-1-300123</iati-identifier>
//!   <reporting-org ref="GB-GOV-1" type="10"><narrative>UK</narrative></reporting-org>
//!   <title><narrative>Security sector reform in Somalia</narrative></title>
//!   <participating-org ref="GB-GOV-1" role="1" type="10"><narrative>UK</narrative></participating-org>
//!   <activity-status code="2"/>
//!   <activity-date iso-date="2021-04-01" type="1"/>
//!   <recipient-country code="SO" percentage="100"/>
//!   <sector code="15210" vocabulary="1" percentage="100"/>
//!   <budget><period-start iso-date="2021-04-01"/><period-end iso-date="2022-03-31"/>
//!     <value value-date="2021-04-01">2500000</value></budget>
//!   <result type="2">
//!    <indicator measure="2" ascending="1">
//!     <title><narrative>Share of cases reviewed by the oversight board</narrative></title>
//!     <baseline year="2020" value="12"/>
//!     <period><period-start iso-date="2021-04-01"/><period-end iso-date="2022-03-31"/>
//!       <target value="30"/><actual value="TBD"/></period>
//!    </indicator>
//!   </result>
//!  </iati-activity>
//! </iati-activities>"#;
//!
//! let options = ImportOptions::new().with_filter(Filter::new().with_sector_prefix("152")?);
//! let import = options.import(xml.as_bytes())?;
//! let programme = &import.portfolio.programmes[0];
//! assert_eq!(programme.single_country().map(|c| c.to_string()).as_deref(), Some("SOM"));
//! assert_eq!(programme.budget.map(|b| b.to_string()).as_deref(), Some("2500000 GBP"));
//! let indicator = programme.indicators().next().unwrap();
//! assert_eq!(indicator.baseline.as_ref().and_then(|b| b.value.as_ref()?.as_number()), Some(12.0));
//! // The actual "TBD" is kept as a label, and the import says so.
//! let finding = &import.report.findings()[0];
//! assert_eq!(finding.code.as_str(), "iati_non_numeric_value");
//! assert_eq!(
//!     finding.path,
//!     "/iati-activities/iati-activity[1]/result[1]/indicator[1]/period[1]/actual[1]/@value"
//! );
//! assert!(finding.message.starts_with("activity GB-GOV-1-300123: "));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Mapping
//!
//! | IATI | model |
//! | --- | --- |
//! | `iati-identifier` | [`Programme::external_id`]; id [`ProgrammeId::from_external`] |
//! | `title`, `description` narratives | name, description (type 1); type 2 (objectives) become [`Objective`]s of kind other. The narrative in the [requested language](ImportOptions::with_language), else the first |
//! | `activity-status` | [`Phase::from_iati_status`] |
//! | `activity-date` types 1, 2, 3, 4 | planned start, actual start, planned end, actual end |
//! | `recipient-country` (alpha-2, IATI's Country codelist with XK Kosovo), `recipient-region` (vocabulary 1) | [`Programme::recipients`] with their `percentage`s; see below |
//! | `participating-org` | [`Stakeholder`]s, merged by `ref` (else name) with every [`Role::from_iati_code`] role; kind from the OrganisationType (below) |
//! | `sector` (vocabulary 1 or none) | [`Programme::sectors`], and one [`Component`] per [`Pillar::from_dac_code`] pillar |
//! | `budget` | [`Programme::budgets`]: period, original or revised, status, value and value date; and the total `budget` (below) |
//! | `transaction` | [`Programme::transactions`]: type (1.x letters too), date, value and value date, provider and receiver, sector and recipient; and funding (below) |
//! | `result` type 1/2/3 | indicators at [`ResultLevel`] output/outcome/impact (below) |
//! | `@last-updated-datetime` | [`ImportedActivity::last_updated`], which decides between duplicates in a [`Corpus`] |
//! | `policy-marker` code 1 (gender) | [`GenderMarker`] from the significance (3 and 4 read as principal) |
//!
//! Ids of nested entities are derived from the activity identifier, so
//! importing a file twice gives identical ids: stakeholders
//! `{activity}/org/{ref}` (or `{activity}/org/name:{lower-case name}`),
//! components `{activity}/sector/{first DAC code}`, indicators
//! `{activity}/result[r]/indicator[i]`, objectives
//! `{activity}/description[n]`, each through its type's `from_external`.
//!
//! **Recipients.** Every activity-level `recipient-country` and
//! `recipient-region` of vocabulary 1 (OECD DAC), with its share: a
//! regional or multi-country activity keeps them all, and its money is
//! never given to one country. Regions of other vocabularies are not
//! imported (`iati_not_imported`), codes on neither codelist are reported
//! (`iati_unknown_code`). IATI puts recipients either on the activity or on
//! each transaction: an activity with none reads the distinct places its
//! transactions name (without shares; an `iati_missing_country` advice).
//! An activity that names no recipient anywhere imports without one
//! (`iati_missing_country`; validation reports the programme), unless a
//! [fallback country](ImportOptions::with_fallback_country) is given.
//!
//! **Stakeholder kind** from OrganisationType: 10 government and 15 other
//! public sector are the national government when the organisation's `ref`
//! is registered in one of the recipient countries (or it has no `ref` and does not
//! fund), else a bilateral donor; 11 local government likewise; 21 and 23
//! (international and regional NGOs) and 60 (foundations) international
//! NGOs; 22 and 24 (national and partner-country NGOs) civil society; 30
//! (public–private partnerships) and 70–73 the private sector; 40
//! international organisations; 80 academia; 90 and a missing type other
//! (a participating organisation that is the reporting organisation takes
//! its type).
//!
//! **Components.** One per SSR pillar the DAC purpose codes map onto, named
//! after the DAC code, weighted by the summed sector percentages when every
//! SSR sector states one (else 1 each). Sectors of other vocabularies are not
//! imported (`iati_not_imported`); non-SSR DAC codes stay in
//! [`Programme::sectors`] without a component.
//!
//! **Budgets and transactions** are all imported, each `budget` and
//! `transaction` element that has its dates and an amount (else a finding
//! says why not). A missing `value-date` is read as the transaction date or
//! the budget period's start, with a finding. A transaction keeps its own
//! DAC sector (vocabulary 1) and recipient (its `recipient-country`, else
//! its `recipient-region`); a provider or receiver that is a stakeholder
//! (by `ref`, else name) is named by its id, another by its `ref` and name.
//!
//! **Budget** (the total) is the sum of the `budget` elements, taking for each budget
//! period the revised budgets (type 2) when there are any, else the original
//! ones, so a revision does not count twice; when there is no usable budget,
//! the sum of outgoing commitments (transaction type 2). **Funding by
//! source** is, per `provider-org`, the sum of its incoming commitments
//! (type 11), or for a provider with none its incoming funds (type 1); when
//! nothing comes in, the outgoing commitments by provider (the reporting
//! organisation when none is named). A provider that is not a participating
//! organisation is added as a funding stakeholder. Sums stay in one currency
//! (the default currency when used): amounts in others are left out with an
//! `iati_mixed_currency` finding. Amounts keep four decimal places
//! (`iati_amount_rounded` when rounded).
//!
//! **Indicators** of every result are attached to the component of the
//! activity's main SSR sector (the component of largest weight, the first
//! on ties). The results of an activity with no SSR sector are kept in a
//! component of pillar [`Pillar::Unclassified`] (`iati_no_ssr_component`,
//! advice; [`ImportOptions::with_fallback_pillar`] names another). Per
//! indicator: `measure` ([`Measure::from_iati_code`]), `ascending` (1
//! increase, 0 decrease; absent leaves the direction to baseline → target),
//! the first `reference` as `vocabulary:code`, the first `baseline` (value;
//! date from `iso-date`, else 1 January of `year`; comment), and each
//! `period` with a usable start and end: the first target and actual
//! without `dimension` as its target and actual, those with dimensions as
//! [`Breakdown`]s (several dimensions joined with `;`, e.g. `sex;age` =
//! `female;adult`), and the comments (an actual comment alone as the
//! period's comment; with a target comment, both, prefixed `Target:` and
//! `Actual:`). Values are numbers for unit and percentage measures and
//! labels for the others; a non-numeric value of a numeric measure is kept
//! as a label (`iati_non_numeric_value`), a number of a qualitative measure
//! too (`iati_qualitative_value`).
//!
//! # Findings
//!
//! Real files are messy. Nothing is dropped silently: each problem is a
//! [`Finding`](crate::validate::Finding) with an `iati_*` [`Code`](crate::validate::Code)
//! (see the catalogue), the activity identifier and source line in its
//! message, and an XPath-like location as its path (such as
//! `/iati-activities/iati-activity[3]/result[1]/indicator[2]/baseline[1]/@value`),
//! and the rest of the activity still imports. Elements of other
//! namespaces (such as d-portal's `dstore:` attributes) are extensions the
//! standard allows, and elements the model has no concept for (locations,
//! documents, contacts, CRS data) are outside its scope: neither is
//! reported.
//!
//! Only a file that cannot be read as a whole is an error ([`ImportError`],
//! with its line): malformed XML, a root other than `iati-activities`, or a
//! version other than 2.01–2.03. In a [`Corpus`] such a file is an
//! `iati_unreadable_file` finding, and the other files import.
//!
//! [IATI Activity Standard]: https://iatistandard.org/en/iati-standard/203/activity-standard/
//! [`Programme`]: crate::Programme
//! [`Programme::external_id`]: crate::Programme::external_id
//! [`Programme::sectors`]: crate::Programme::sectors
//! [`Programme::recipients`]: crate::Programme::recipients
//! [`Programme::budgets`]: crate::Programme::budgets
//! [`Programme::transactions`]: crate::Programme::transactions
//! [`Pillar::Unclassified`]: crate::Pillar::Unclassified
//! [`ProgrammeId::from_external`]: crate::ProgrammeId::from_external
//! [`Objective`]: crate::Objective
//! [`Phase::from_iati_status`]: crate::Phase::from_iati_status
//! [`Stakeholder`]: crate::Stakeholder
//! [`Role::from_iati_code`]: crate::Role::from_iati_code
//! [`Component`]: crate::Component
//! [`Pillar::from_dac_code`]: crate::Pillar::from_dac_code
//! [`ResultLevel`]: crate::ResultLevel
//! [`GenderMarker`]: crate::GenderMarker
//! [`Measure::from_iati_code`]: crate::Measure::from_iati_code
//! [`Breakdown`]: crate::Breakdown
//! [`Portfolio`]: crate::Portfolio
//! [`Report`]: crate::validate::Report

mod activity;
mod attributes;
mod budgets;
mod codes;
mod corpus;
mod dedup;
mod error;
mod failure;
mod filter;
mod finance;
mod findings;
mod locations;
mod narrative;
mod options;
mod orgs;
mod recipients;
mod results;
mod sectors;
mod source;
mod stream;
mod transactions;
mod tree;
mod values;

use std::io::BufRead;

pub use activity::ImportedActivity;
pub use corpus::{Corpus, CorpusActivities, CorpusItem, Progress};
pub use dedup::{CorpusBuilder, CorpusImport, FileSummary, SourceId};
pub use error::ImportError;
pub use failure::{ImportFailure, UnreadableSource};
pub use filter::Filter;
pub use options::ImportOptions;
pub use source::Source;
pub use stream::Activities;

use crate::Portfolio;
use crate::validate::Report;

/// A whole IATI file imported: the portfolio of the programmes read, every
/// import finding, and counts.
///
/// ```
/// use ssr_model::interop::iati::{Filter, ImportOptions};
///
/// let xml = r#"<iati-activities version="2.03">
///  <iati-activity><iati-identifier>XM-1</iati-identifier><title><narrative>Police reform</narrative></title>
///   <recipient-country code="LR"/><sector code="15210" vocabulary="1"/></iati-activity>
///  <iati-activity><iati-identifier>XM-2</iati-identifier><title><narrative>Water supply</narrative></title>
///   <recipient-country code="LR"/><sector code="14030" vocabulary="1"/></iati-activity>
/// </iati-activities>"#;
/// let options = ImportOptions::new().with_filter(Filter::new().with_sector_prefix("152")?);
/// let import = options.import(xml.as_bytes())?;
/// assert_eq!((import.activities, import.filtered_out), (2, 1));
/// assert_eq!(import.portfolio.programmes.len(), 1);
/// assert_eq!(import.portfolio.programmes[0].external_id.as_deref(), Some("XM-1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Import {
    /// The programmes, in file order.
    pub portfolio: Portfolio,
    /// The findings of every activity, in file order.
    pub report: Report,
    /// How many `iati-activity` elements the file has.
    pub activities: usize,
    /// How many of them the filter left out.
    pub filtered_out: usize,
}

impl Import {
    pub(super) fn from_activities<R: BufRead>(
        mut activities: Activities<R>,
    ) -> Result<Import, ImportError> {
        let mut portfolio = Portfolio::new();
        let mut report = Report::new();
        for activity in activities.by_ref() {
            let activity = activity?;
            report.extend(activity.findings.into_findings());
            if let Some(programme) = activity.programme {
                portfolio.programmes.push(programme);
            }
        }
        Ok(Import {
            portfolio,
            report,
            activities: activities.seen(),
            filtered_out: activities.filtered_out(),
        })
    }
}

/// Streams the activities of an IATI file with the default options. See
/// [`Activities`].
///
/// # Errors
///
/// When the file does not start as an IATI 2.0x `iati-activities` document.
///
/// # Examples
///
/// ```
/// use ssr_model::interop::iati;
///
/// let xml = r#"<iati-activities version="2.03">
///  <iati-activity><iati-identifier>XM-1</iati-identifier><title><narrative>Police reform</narrative></title>
///   <recipient-country code="LR"/></iati-activity>
///  <iati-activity><iati-identifier>XM-2</iati-identifier><title><narrative>Court reform</narrative></title>
///   <recipient-country code="SL"/></iati-activity>
/// </iati-activities>"#;
/// let mut names = Vec::new();
/// for activity in iati::activities(xml.as_bytes())? {
///     let activity = activity?; // one activity in memory at a time
///     names.push((activity.identifier, activity.programme.map(|p| p.name)));
/// }
/// assert_eq!(names, [
///     ("XM-1".to_owned(), Some("Police reform".to_owned())),
///     ("XM-2".to_owned(), Some("Court reform".to_owned())),
/// ]);
/// assert!(iati::activities(&b"<html><body>503</body></html>"[..]).is_err());
/// # Ok::<(), iati::ImportError>(())
/// ```
pub fn activities<R: BufRead>(reader: R) -> Result<Activities<R>, ImportError> {
    ImportOptions::new().activities(reader)
}

/// Imports a whole IATI file with the default options from any reader
/// (buffered here). See [`Import`].
///
/// # Errors
///
/// When the file cannot be read, is not well-formed, or is not an IATI 2.0x
/// `iati-activities` document; see [`ImportError`].
///
/// # Examples
///
/// ```
/// use ssr_model::interop::iati;
/// use ssr_model::interop::iati::ImportError;
///
/// let xml = r#"<iati-activities version="2.03">
///  <iati-activity default-currency="EUR"><iati-identifier>XM-1</iati-identifier>
///   <title><narrative>Defence reform</narrative></title><recipient-country code="BA"/>
///   <sector code="15210" vocabulary="1"/>
///   <transaction><transaction-type code="3"/><transaction-date iso-date="2021-03-31"/>
///    <value value-date="2021-03-31">125000</value></transaction>
///  </iati-activity>
/// </iati-activities>"#;
/// let import = iati::import(xml.as_bytes())?;
/// let programme = &import.portfolio.programmes[0];
/// assert_eq!(programme.single_country().map(|c| c.name()), Some("Bosnia and Herzegovina"));
/// assert_eq!(programme.transactions[0].value.to_string(), "125000 EUR");
///
/// // A JSON error page saved as .xml: an error with the line, never a panic.
/// let err = iati::import(&br#"{"error": "rate limited"}"#[..]).unwrap_err();
/// assert_eq!(err.line(), Some(1));
/// assert_eq!(err.to_string(), "line 1: malformed XML: content before the root element");
/// # Ok::<(), ImportError>(())
/// ```
pub fn import<R: std::io::Read>(reader: R) -> Result<Import, ImportError> {
    ImportOptions::new().import(reader)
}

/// Imports the IATI file at `path` with the default options. See
/// [`ImportOptions::import_path`].
///
/// # Errors
///
/// As [`import`]; [`ImportError::Io`] when the file cannot be opened.
///
/// # Examples
///
/// ```
/// let import = ssr_model::interop::iati::import_path("tests/fixtures/iati/kosovo.xml")?;
/// let kosovo = &import.portfolio.programmes[0];
/// assert_eq!(kosovo.single_country().map(|c| c.to_string()).as_deref(), Some("XKX"));
/// assert!(ssr_model::interop::iati::import_path("no/such/file.xml").is_err());
/// # Ok::<(), ssr_model::interop::iati::ImportError>(())
/// ```
pub fn import_path(path: impl AsRef<std::path::Path>) -> Result<Import, ImportError> {
    ImportOptions::new().import_path(path)
}
