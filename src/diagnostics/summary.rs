//! Findings counted by code and severity, with the first few of each: what
//! a person reads first when an import or a validation finds hundreds of
//! things, before the full list.

use std::collections::BTreeMap;

use serde::Serialize;

use super::report::plural;
use super::{Code, Finding, Severity};

/// Findings grouped by code and severity: how many of each, and the first
/// few in the order given.
///
/// Groups come most serious first, then largest, then by code name, so
/// that the errors lead and the advice that floods follows.
///
/// ```
/// use ssr_model::diagnostics::{Code, Severity, Summary};
/// use ssr_model::Finding;
///
/// let findings: Vec<Finding> = (1..=5)
///     .map(|n| Finding::new(Code::IatiNotImported, format!("/iati-activities/iati-activity[{n}]"), "not imported"))
///     .chain([Finding::new(Code::EmptyName, "/programmes/0/name", "the name is empty")])
///     .collect();
/// let summary = Summary::new(&findings, 2);
/// assert_eq!(summary.total(), 6);
/// assert_eq!(summary.counts(), "1 error, 0 warnings, 5 advice");
/// let first = &summary.groups[0]; // the error leads
/// assert_eq!((first.code, first.severity, first.count), (Code::EmptyName, Severity::Error, 1));
/// let advice = &summary.groups[1];
/// assert_eq!((advice.count, advice.examples.len()), (5, 2)); // two examples of five
/// assert_eq!(advice.examples[0].path, "/iati-activities/iati-activity[1]");
/// assert_eq!(advice.more(), 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct Summary {
    /// One group per code and severity, most serious first, then largest.
    pub groups: Vec<CodeCount>,
}

/// The findings of one code at one severity in a [`Summary`].
///
/// ```
/// use ssr_model::diagnostics::{Code, Summary};
/// use ssr_model::Finding;
///
/// let findings = [Finding::new(Code::SingleFunder, "/programmes/0/funding", "one funder")];
/// let group = &Summary::new(&findings, 3).groups[0];
/// assert_eq!((group.code, group.count, group.more()), (Code::SingleFunder, 1, 0));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CodeCount {
    /// The code.
    pub code: Code,
    /// The severity of these findings (a policy may give one code several).
    pub severity: Severity,
    /// How many findings have this code and severity.
    pub count: usize,
    /// The first of them, in the order given, at most the number asked for.
    pub examples: Vec<Finding>,
}

impl CodeCount {
    /// How many findings of the group are not among the examples.
    pub fn more(&self) -> usize {
        self.count.saturating_sub(self.examples.len())
    }
}

impl Summary {
    /// The number of examples kept per group by the command line and the
    /// Python warning.
    pub const EXAMPLES: usize = 2;

    /// Groups `findings` by code and severity, keeping the first `examples`
    /// findings of each group.
    pub fn new(findings: &[Finding], examples: usize) -> Summary {
        let mut groups: BTreeMap<(Severity, Code), CodeCount> = BTreeMap::new();
        for f in findings {
            let group = groups
                .entry((f.severity, f.code))
                .or_insert_with(|| CodeCount {
                    code: f.code,
                    severity: f.severity,
                    count: 0,
                    examples: Vec::new(),
                });
            group.count += 1;
            if group.examples.len() < examples {
                group.examples.push(f.clone());
            }
        }
        let mut groups: Vec<CodeCount> = groups.into_values().collect();
        groups.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then(b.count.cmp(&a.count))
                .then(a.code.as_str().cmp(b.code.as_str()))
        });
        Summary { groups }
    }

    /// The number of findings summarised.
    pub fn total(&self) -> usize {
        self.groups.iter().map(|g| g.count).sum()
    }

    /// Whether there were no findings.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// How many findings have exactly `severity`.
    ///
    /// ```
    /// use ssr_model::diagnostics::{Code, Severity, Summary};
    /// use ssr_model::Finding;
    ///
    /// let findings = [Finding::new(Code::SingleFunder, "/programmes/0/funding", "one funder")];
    /// assert_eq!(Summary::new(&findings, 0).count(Severity::Advice), 1);
    /// assert_eq!(Summary::new(&findings, 0).count(Severity::Error), 0);
    /// ```
    pub fn count(&self, severity: Severity) -> usize {
        self.groups
            .iter()
            .filter(|g| g.severity == severity)
            .map(|g| g.count)
            .sum()
    }

    /// How many findings have `code`, whatever their severity.
    ///
    /// ```
    /// use ssr_model::diagnostics::{Code, Summary};
    /// use ssr_model::Finding;
    ///
    /// let findings = [Finding::new(Code::SingleFunder, "/programmes/0/funding", "one funder")];
    /// assert_eq!(Summary::new(&findings, 0).count_of(Code::SingleFunder), 1);
    /// ```
    pub fn count_of(&self, code: Code) -> usize {
        self.groups
            .iter()
            .filter(|g| g.code == code)
            .map(|g| g.count)
            .sum()
    }

    /// The counts by severity, as [`Report::summary`](crate::Report::summary)
    /// words them: `"1 error, 2 warnings, 0 advice"`.
    pub fn counts(&self) -> String {
        format!(
            "{}, {}, {} advice",
            plural(self.count(Severity::Error), "error", "errors"),
            plural(self.count(Severity::Warning), "warning", "warnings"),
            self.count(Severity::Advice)
        )
    }

    /// The counts by code, most serious and largest first:
    /// `"empty_name 1, iati_missing_country 5"` (a code at two severities
    /// is named twice).
    ///
    /// ```
    /// use ssr_model::diagnostics::{Code, Summary};
    /// use ssr_model::Finding;
    ///
    /// let findings = [
    ///     Finding::new(Code::SingleFunder, "/programmes/0/funding", "one funder"),
    ///     Finding::new(Code::SingleFunder, "/programmes/1/funding", "one funder"),
    /// ];
    /// assert_eq!(Summary::new(&findings, 0).by_code(), "single_funder 2");
    /// ```
    pub fn by_code(&self) -> String {
        let parts: Vec<String> = self
            .groups
            .iter()
            .map(|g| format!("{} {}", g.code, g.count))
            .collect();
        parts.join(", ")
    }
}
