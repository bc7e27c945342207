//! Diagnostics shared by validation, IATI import and policy parsing: the
//! stable [`Code`]s, their [`Severity`], the [`Finding`]s and [`Report`]s
//! that carry them, the [`ValidationPolicy`] that sets the level of any code
//! (import codes included, through [`Report::apply`]), the [`Summary`] that
//! counts findings by code and severity, and the [`catalogue`] of every code.
//!
//! A finding's location is a JSON Pointer into the document for
//! validation (`/programmes/2/components/0/weight`) or an XML location in
//! the source file for import (`/iati-activities/iati-activity[3]/result[1]`,
//! 1-based positions). Reports sort both by their steps, numbers as
//! numbers: `/programmes/2` before `/programmes/10`, `iati-activity[2]`
//! before `iati-activity[10]`.
//!
//! [`Finding`] and [`Report`] live at the
//! crate root; everything else here has this module as its one path.
//!
//! ```
//! use ssr_model::diagnostics::Code;
//! use ssr_model::{Finding, Report};
//!
//! let mut report = Report::new();
//! report.push(Finding::new(Code::IatiMissingCountry, "/iati-activities/iati-activity[10]", "no country"));
//! report.push(Finding::new(Code::IatiMissingCountry, "/iati-activities/iati-activity[2]", "no country"));
//! report.sort();
//! assert_eq!(report.findings()[0].path, "/iati-activities/iati-activity[2]");
//! ```

pub mod catalogue;
mod code;
mod location;
pub(crate) mod object;
pub(crate) mod path;
mod policy;
pub(crate) mod problems;
pub(crate) mod report;
mod summary;

pub use code::{Code, Family};
pub use location::{CsvLocation, Location, Pointer, XmlLocation};
pub use policy::{CodeLevel, ValidationPolicy, ValidationPolicyError};
pub use report::Severity;
pub(crate) use report::{Finding, Report};
pub use summary::{CodeCount, Summary};

#[cfg(all(test, feature = "json"))]
mod tests {
    #[test]
    fn level_names_match_serde() {
        crate::model::names::check_names(&super::Severity::ALL);
        crate::model::names::check_names(&super::CodeLevel::ALL);
        crate::model::names::check_names(&super::Family::ALL);
    }
}
