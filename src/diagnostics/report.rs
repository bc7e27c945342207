//! Findings and the report that collects them.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::Code;
use super::Location;

/// How serious a finding is. Ordered: `Advice < Warning < Error`.
///
/// ```
/// use ssr_model::validate;
/// use ssr_model::diagnostics::{Severity, ValidationPolicy};
///
/// assert!(Severity::Advice < Severity::Warning && Severity::Warning < Severity::Error);
/// assert_eq!(Severity::Warning.to_string(), "warning");
/// assert_eq!("error".parse::<Severity>()?, Severity::Error);
///
/// let report = validate::validate(&ssr_model::samples::portfolio(), &ValidationPolicy::default());
/// // The sample is valid: nothing worse than a warning.
/// assert!(report.worst() < Some(Severity::Error));
/// assert_eq!(report.count(Severity::Error), 0);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// Good practice not followed; worth a look.
    Advice,
    /// Likely a problem in the programme or its data.
    Warning,
    /// The document is wrong: results computed from it cannot be trusted.
    Error,
}

crate::model::names::names!(Severity, "severity" {
    Advice = "advice",
    Warning = "warning",
    Error = "error",
});

/// One problem found, where, and how serious.
///
/// Findings are ordered by path (segment by segment, array indices as
/// numbers), then code, severity (most serious first), message and help; a [`Report`] from
/// [`validate`](crate::validate::validate) is sorted in that order.
///
/// ```
/// use ssr_model::diagnostics::{Code, Severity};
/// use ssr_model::Finding;
///
/// let f = Finding::new(Code::EmptyName, "/programmes/0/name", "the programme name is empty")
///     .with_help("give the programme a name");
/// assert_eq!(f.severity, Severity::Error); // the code's default
/// assert_eq!(
///     f.to_string(),
///     "error[empty_name] /programmes/0/name: the programme name is empty\n  help: give the programme a name"
/// );
/// let later = Finding::new(Code::EmptyName, "/programmes/10/name", "the programme name is empty");
/// assert!(f < later); // index 0 before index 10
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Finding {
    /// What kind of problem.
    pub code: Code,
    /// How serious.
    pub severity: Severity,
    /// Where: for validation, a JSON Pointer into the document, e.g.
    /// `/programmes/0/components/2/weight`; for IATI import findings, a
    /// location in the source file, e.g.
    /// `/iati-activities/iati-activity[3]/result[1]/indicator[1]/baseline/@value`.
    /// It prints, compares with strings and serialises as that text.
    pub path: Location,
    /// What is wrong, in words.
    pub message: String,
    /// How to fix it, when there is something specific to say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Finding {
    /// A finding with the code's default severity.
    pub fn new(code: Code, path: impl Into<Location>, message: impl Into<String>) -> Self {
        Finding {
            code,
            severity: code.default_severity(),
            path: path.into(),
            message: message.into(),
            help: None,
        }
    }

    /// Returns `self` with help text.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Returns `self` with another severity.
    #[must_use]
    pub fn with_severity(mut self, severity: impl Into<Severity>) -> Self {
        self.severity = severity.into();
        self
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}] {}: {}",
            self.severity, self.code, self.path, self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

impl Ord for Finding {
    fn cmp(&self, other: &Self) -> Ordering {
        self.path
            .cmp(&other.path)
            .then_with(|| self.code.cmp(&other.code))
            .then_with(|| other.severity.cmp(&self.severity))
            .then_with(|| self.message.cmp(&other.message))
            .then_with(|| self.help.cmp(&other.help))
    }
}

impl PartialOrd for Finding {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Every finding about a document.
///
/// In JSON a report is `{"findings": [{"code": ..., "severity": ...,
/// "path": ..., "message": ..., "help": ...}, ...]}`, `help` being left out
/// when there is none. [`Display`](fmt::Display) writes one finding per
/// paragraph and a closing count.
///
/// ```
/// use ssr_model::diagnostics::{Code, Severity};
/// use ssr_model::{Finding, Report};
///
/// let report: Report = [
///     Finding::new(Code::SingleFunder, "/programmes/0/funding", "the programme has a single funding source"),
///     Finding::new(Code::DanglingReference, "/programmes/0/components/1/lead", "no stakeholder of this programme has id 7c1e…"),
/// ]
/// .into_iter()
/// .collect();
/// assert!(!report.is_valid());
/// assert_eq!(report.first_error().map(|f| f.code), Some(Code::DanglingReference));
/// assert_eq!(report.of_severity(Severity::Advice).count(), 1);
/// assert!(report.to_string().ends_with("1 error, 0 warnings, 1 advice"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Report {
    findings: Vec<Finding>,
}

impl Report {
    /// An empty report.
    pub fn new() -> Self {
        Report::default()
    }

    /// Adds a finding.
    pub fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// Whether no finding is an error.
    pub fn is_valid(&self) -> bool {
        self.first_error().is_none()
    }

    /// The first error-level finding, if any.
    pub fn first_error(&self) -> Option<&Finding> {
        self.findings.iter().find(|f| f.severity == Severity::Error)
    }

    /// All findings.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Findings of one code.
    pub fn of_code(&self, code: Code) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.code == code)
    }

    /// Findings of exactly `severity`.
    pub fn of_severity(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity == severity)
    }

    /// The error-level findings: those that make the document invalid.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.of_severity(Severity::Error)
    }

    /// The highest severity of any finding, or `None` for an empty report.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// Applies a policy's levels to findings made without it, such as those
    /// of an IATI import: a finding whose code the policy sets gets that
    /// level, or is dropped when the level is `allow`; other findings keep
    /// their severity.
    ///
    /// ```
    /// use ssr_model::diagnostics::{Code, CodeLevel, Severity, ValidationPolicy};
    /// use ssr_model::{Finding, Report};
    ///
    /// let mut report = Report::new();
    /// report.push(Finding::new(Code::IatiNonNumericValue, "/iati-activities/iati-activity[1]", "TBD"));
    /// report.push(Finding::new(Code::IatiMissingCountry, "/iati-activities/iati-activity[2]", "none"));
    /// let policy = ValidationPolicy::new()
    ///     .with_level(Code::IatiNonNumericValue, CodeLevel::Error)
    ///     .with_level(Code::IatiMissingCountry, CodeLevel::Allow);
    /// report.apply(&policy);
    /// assert_eq!(report.len(), 1);
    /// assert_eq!(report.findings()[0].severity, Severity::Error);
    /// ```
    pub fn apply(&mut self, policy: &super::ValidationPolicy) {
        self.findings
            .retain_mut(|f| match policy.levels.get(&f.code) {
                None => true,
                Some(level) => match level.severity() {
                    Some(severity) => {
                        f.severity = severity;
                        true
                    }
                    None => false,
                },
            });
    }

    /// The findings, most serious first: errors, then warnings, then
    /// advice, each severity in report order (the sort is stable).
    ///
    /// ```
    /// use ssr_model::diagnostics::{Code, Severity};
    /// use ssr_model::{Finding, Report};
    ///
    /// let mut report = Report::new();
    /// report.push(Finding::new(Code::SingleFunder, "/programmes/0", "one funder"));
    /// report.push(Finding::new(Code::EmptyName, "/programmes/0/name", "empty"));
    /// let order: Vec<Severity> = report.most_serious().iter().map(|f| f.severity).collect();
    /// assert_eq!(order[0], Severity::Error);
    /// assert!(order.windows(2).all(|w| w[0] >= w[1]));
    /// ```
    pub fn most_serious(&self) -> Vec<&Finding> {
        let mut findings: Vec<&Finding> = self.findings.iter().collect();
        findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
        findings
    }

    /// The findings, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Finding> {
        self.findings.iter()
    }

    /// Sorts the findings into the order of [`Finding`]'s [`Ord`]: by path,
    /// then code. [`validate`](crate::validate::validate) returns sorted reports; call
    /// this after adding findings of your own.
    pub fn sort(&mut self) {
        // Findings are pushed nearly in order, which a stable merge sort
        // finishes in close to linear time.
        self.findings.sort();
    }

    /// Findings of at least `severity`.
    pub fn at_least(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity >= severity)
    }

    /// How many findings have exactly `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Number of findings.
    pub fn len(&self) -> usize {
        self.findings.len()
    }

    /// Whether there are no findings.
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }

    /// Consumes the report, giving its findings.
    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}

impl Extend<Finding> for Report {
    fn extend<T: IntoIterator<Item = Finding>>(&mut self, iter: T) {
        self.findings.extend(iter);
    }
}

impl FromIterator<Finding> for Report {
    fn from_iter<T: IntoIterator<Item = Finding>>(iter: T) -> Self {
        Report {
            findings: iter.into_iter().collect(),
        }
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Finding;
    type IntoIter = std::slice::Iter<'a, Finding>;
    fn into_iter(self) -> Self::IntoIter {
        self.findings.iter()
    }
}

impl IntoIterator for Report {
    type Item = Finding;
    type IntoIter = std::vec::IntoIter<Finding>;
    fn into_iter(self) -> Self::IntoIter {
        self.findings.into_iter()
    }
}

/// "1 error", "2 errors".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Report {
    /// The closing line of the text form: `"1 error, 2 warnings, 0 advice"`.
    pub fn summary(&self) -> String {
        format!(
            "{}, {}, {} advice",
            plural(self.count(Severity::Error), "error", "errors"),
            plural(self.count(Severity::Warning), "warning", "warnings"),
            self.count(Severity::Advice)
        )
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for finding in &self.findings {
            writeln!(f, "{finding}")?;
        }
        f.write_str(&self.summary())
    }
}
