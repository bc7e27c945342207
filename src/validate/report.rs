//! Findings and the report that collects them.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::Code;

/// How serious a finding is. Ordered: `Advice < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Advice => "advice",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One problem found, where, and how serious.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Finding {
    /// What kind of problem.
    pub code: Code,
    /// How serious.
    pub severity: Severity,
    /// Where: a JSON Pointer into the document, e.g.
    /// `/programmes/0/components/2/weight`.
    pub path: String,
    /// What is wrong, in words.
    pub message: String,
    /// How to fix it, when there is something specific to say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Finding {
    /// A finding with the code's default severity.
    pub fn new(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
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
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
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

/// Every finding about a document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
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
    pub fn with_code(&self, code: Code) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.code == code)
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

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for finding in &self.findings {
            writeln!(f, "{finding}")?;
        }
        write!(
            f,
            "{} errors, {} warnings, {} advice",
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.count(Severity::Advice)
        )
    }
}
