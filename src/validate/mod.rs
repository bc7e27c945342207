//! Validation: every problem in a portfolio at once, each with a stable
//! code, a severity and a JSON Pointer path.
//!
//! [`validate`] reads a whole [`Portfolio`] and returns a [`Report`] of
//! [`Finding`]s. It never stops at the first problem and never panics,
//! whatever the document holds. Each finding has:
//!
//! - a [`Code`], a stable snake_case name such as `dangling_reference` that
//!   tools can filter on; the [`catalogue`](crate::diagnostics::catalogue) explains every code: what it
//!   means, why it matters in SSR practice and how to fix it;
//! - a [`Severity`]: `error` (the document is wrong and results computed
//!   from it cannot be trusted), `warning` (likely a problem) or `advice`
//!   (good practice not followed). A document is valid when it has no error;
//! - a path, a JSON Pointer (RFC 6901) into the `document` (feature `json`)
//!   format, such as `/programmes/2/components/0/indicators/1/periods/3/actual`.
//!   When something is missing, the path names the member where it belongs,
//!   which may itself be absent from the document;
//! - a message saying what is wrong with the values involved, and help
//!   saying how to fix it.
//!
//! A [`ValidationPolicy`] raises, lowers or drops (`allow`) any code, sets
//! the thresholds of the practice checks, and gives the `as_of` date that
//! time-dependent checks are made against. The library never reads the
//! clock: the same document and policy always give the same report.
//!
//! ```
//! use chrono::NaiveDate;
//! use ssr_model::validate;
//! use ssr_model::diagnostics::{Code, CodeLevel, Severity, ValidationPolicy};
//! use ssr_model::{Component, Country, Portfolio, Programme};
//! use ssr_model::model::Pillar;
//!
//! let programme = Programme::new("Police reform", Country::new("LBR")?)
//!     .with_component(Component::new("Community policing", Pillar::PoliceReform));
//! let portfolio = Portfolio::new().with_programme(programme);
//!
//! let policy = ValidationPolicy::default()
//!     .with_as_of(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
//!     .with_level(Code::NoGenderDimension, CodeLevel::Allow);
//! let report = validate::validate(&portfolio, &policy);
//!
//! assert!(report.is_valid()); // warnings only
//! let f = report.of_code(Code::ComponentWithoutIndicator).next().unwrap();
//! assert_eq!(f.path, "/programmes/0/components/0/indicators");
//! assert_eq!(f.severity, Severity::Warning);
//! assert_eq!(report.of_code(Code::NoGenderDimension).count(), 0);
//! # Ok::<(), ssr_model::model::ValueError>(())
//! ```
//!
//! ## Order of findings
//!
//! Findings come sorted, so that the same input always gives the same
//! report, line for line. The order is that of [`Finding`]'s [`Ord`]: by
//! path, compared segment by segment (array indices as numbers, member names
//! alphabetically, a path before the paths below it), so each programme's
//! findings come together and programmes follow document order; then by code
//! in catalogue order; then by severity (most serious first), message and
//! help.
//!
//! ## Cost
//!
//! One pass over the portfolio; ids are checked through hash tables, so the
//! work grows linearly with the size of the document. Paths are built on the
//! stack and only written out for findings that are kept.

mod chain;
mod dates;
mod flows;
mod ids;
mod practice;
mod sink;
mod structure;
mod values;
mod walk;

pub(crate) use crate::diagnostics::{Code, Finding, Report, Severity, ValidationPolicy};

use crate::{Portfolio, Programme};

/// Validates a portfolio: every finding, sorted, with paths from the
/// document root (`/programmes/0/...`).
///
/// See the [module documentation](self) and the [`catalogue`](crate::diagnostics::catalogue).
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::validate;
/// use ssr_model::diagnostics::{Code, Severity, ValidationPolicy};
///
/// let mut portfolio = ssr_model::samples::portfolio();
/// let policy = ValidationPolicy::default().with_as_of(NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("bad date")?);
/// assert!(validate::validate(&portfolio, &policy).is_valid());
///
/// // The same programme twice: its id is no longer unique.
/// let copy = portfolio.programmes[0].clone();
/// portfolio.programmes.push(copy);
/// let report = validate::validate(&portfolio, &policy);
/// assert!(!report.is_valid());
/// let duplicate = report.of_code(Code::DuplicateId).next().ok_or("no duplicate_id finding")?;
/// assert_eq!(duplicate.severity, Severity::Error);
/// assert_eq!(duplicate.path, "/programmes/7/id");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn validate(portfolio: &Portfolio, policy: &ValidationPolicy) -> Report {
    let mut walker = walk::Walker::new(policy);
    walker.portfolio(portfolio);
    walker.finish()
}

/// Validates one programme on its own, with paths from the programme
/// (`/components/0/...`), as for a programme document embedded in another
/// tool's data. Portfolio-wide checks (programme ids unique) are not made.
///
/// ```
/// use ssr_model::validate::validate_programme;
/// use ssr_model::diagnostics::{Code, ValidationPolicy};
/// use ssr_model::{Country, Programme};
///
/// let report = validate_programme(&Programme::new("", Country::new("SLE")?), &ValidationPolicy::default());
/// let empty = report.of_code(Code::EmptyName).next().unwrap();
/// assert_eq!(empty.path, "/name");
/// assert!(!report.is_valid());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
pub fn validate_programme(programme: &Programme, policy: &ValidationPolicy) -> Report {
    let mut walker = walk::Walker::new(policy);
    walker.programme(&crate::diagnostics::path::At::ROOT, programme);
    walker.finish()
}
