//! Collecting every problem of an input before refusing it: the checkers of
//! policies, matrices and exchange-rate tables push findings here and give
//! them all back at once.

use super::{Code, Finding, Location};

/// The findings of one check, in the order found.
#[derive(Debug, Default)]
pub(crate) struct Problems(Vec<Finding>);

impl Problems {
    /// Adds a finding of `code` at `at`.
    pub(crate) fn add(&mut self, code: Code, at: impl Into<Location>, message: impl Into<String>) {
        self.0.push(Finding::new(code, at, message));
    }

    /// Adds a finding made elsewhere.
    pub(crate) fn add_finding(&mut self, finding: Finding) {
        self.0.push(finding);
    }

    /// `ok` when nothing was found, else every finding.
    pub(crate) fn finish<T>(self, ok: T) -> Result<T, Vec<Finding>> {
        if self.0.is_empty() {
            Ok(ok)
        } else {
            Err(self.0)
        }
    }
}

/// The findings as one line each joined by `; `: `path: message (code)`,
/// or the message alone where the location is the whole input.
pub(crate) fn describe(findings: &[Finding]) -> String {
    let parts: Vec<String> = findings
        .iter()
        .map(|f| match f.path.as_str() {
            "" => format!("{} ({})", f.message, f.code),
            at => format!("{at}: {} ({})", f.message, f.code),
        })
        .collect();
    parts.join("; ")
}
